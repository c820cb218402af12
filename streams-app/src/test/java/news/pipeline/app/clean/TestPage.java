package news.pipeline.app.clean;

/**
 * A small, real-looking article page for metadata tests: the head tags given, a navigation bar,
 * then inside {@code <main><article>} what sits above the text (by default the headline
 * "Council expands the bus network"), six paragraphs of prose, and what follows the article.
 *
 * <pre>{@code
 * CleanedPage page = TestPage.article()
 *     .meta("og:type", "article")
 *     .top(TestPage.H1 + "<p class=\"by\">By Jane Doe</p>")
 *     .cleanAt("https://example.com/news/bus");
 * }</pre>
 */
final class TestPage {

  static final String H1 = "<h1>Council expands the bus network</h1>";
  private static final String PROSE = "The council voted on Tuesday to expand the bus network,"
      + " adding three routes, longer hours and a night service that residents had asked for.";

  private final StringBuilder head = new StringBuilder();
  private String top = H1;
  private String after = "";
  private String end = "";
  private String before = "";

  private TestPage() {}

  static TestPage article() {
    return new TestPage();
  }

  /** Adds raw HTML to the head. */
  TestPage head(String html) {
    head.append(html);
    return this;
  }

  /** Adds {@code <meta property=... content=...>}. */
  TestPage meta(String property, String content) {
    return head("<meta property=\"" + property + "\" content=\"" + content + "\">");
  }

  /** Adds a JSON-LD script with the given JSON. */
  TestPage jsonLd(String json) {
    return head("<script type=\"application/ld+json\">" + json + "</script>");
  }

  /** What sits above the paragraphs inside the article (headline, byline, dates). */
  TestPage top(String html) {
    this.top = html;
    return this;
  }

  /** What sits between the navigation and the article (a list of other stories, a banner). */
  TestPage before(String html) {
    this.before = html;
    return this;
  }

  /** What closes the article after the paragraphs, inside it (its own footer). */
  TestPage end(String html) {
    this.end = html;
    return this;
  }

  /** What follows the article inside the body (related stories, comments, asides). */
  TestPage after(String html) {
    this.after = html;
    return this;
  }

  String html() {
    StringBuilder sb = new StringBuilder("<html><head>").append(head).append("</head><body>")
        .append("<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>").append(before)
        .append("<main><article>")
        .append(top);
    for (int i = 0; i < 6; i++) {
      sb.append("<p>Paragraph ").append(i).append(". ").append(PROSE).append("</p>");
    }
    return sb.append(end).append("</article></main>").append(after).append("</body></html>").toString();
  }

  /** The page cleaned as if fetched from {@code url} (may be null). */
  CleanedPage cleanAt(String url) {
    return new HtmlCleaner().clean(html(), url);
  }
}
