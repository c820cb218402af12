package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The metadata rules found by looking at where the cleaner failed on WCXB pages, each on a small
 * page shaped like the real ones (bylines, dates and headlines as sites print them).
 */
class MetadataRulesTest {

  private static final String PROSE = "The council voted on Tuesday to expand the bus network, adding"
      + " three routes, longer hours and a night service that residents had asked for.";

  private final HtmlCleaner cleaner = new HtmlCleaner();

  private static String page(String head, String beforeText, String after) {
    StringBuilder sb = new StringBuilder("<html><head>").append(head).append("</head><body>")
        .append("<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><main><article>")
        .append(beforeText);
    for (int i = 0; i < 6; i++) {
      sb.append("<p>Paragraph ").append(i).append(". ").append(PROSE).append("</p>");
    }
    return sb.append("</article></main>").append(after).append("</body></html>").toString();
  }

  private static final String H1 = "<h1>Council expands the bus network</h1>";

  @Test
  void readsSeveralAuthorsOfOneBylineButNotTheBylinesOfRelatedStories() {
    String byline = H1 + "<div class=\"byline\"><span class=\"author\">Jane Doe</span> and "
        + "<span class=\"author\">John Roe</span></div>";
    String related = "<section class=\"more\"><ul>"
        + "<li><div><div><span class=\"author\">Ann Poe</span></div></div></li>"
        + "<li><div><div><span class=\"author\">Bob Moe</span></div></div></li></ul></section>";
    CleanedPage page = cleaner.clean(page("", byline, related), "https://example.com/news/bus");
    assertThat(page.authors()).containsExactly("Jane Doe", "John Roe");
  }

  @Test
  void readsTheAuthorFromLinkPreviewLabels() {
    String head = "<meta name=\"twitter:label1\" content=\"Written by\">"
        + "<meta name=\"twitter:data1\" content=\"Nawaz Dhandala\">";
    assertThat(cleaner.clean(page(head, H1, ""), null).authors()).containsExactly("Nawaz Dhandala");
  }

  @Test
  void readsANameThatFollowsAWrittenByLabel() {
    String byline = H1 + "<div><p class=\"muted\">Written by</p><p class=\"muted\">Edzel Tabing</p></div>";
    assertThat(cleaner.clean(page("", byline, ""), null).authors()).containsExactly("Edzel Tabing");
  }

  @Test
  void takesTheNameFromABylineBlockThatCarriesABio() {
    String bio = " Jesse has worked as a sommelier, a bartender and a wine buyer for restaurants in"
        + " three cities, and writes about coffee and tea.";
    String byline = H1 + "<div class=\"byline\">By <a href=\"/about/jesse\">Jesse Porter</a>"
        + "<div class=\"bio\">Jesse Porter" + bio + "</div></div>";
    assertThat(cleaner.clean(page("", byline, ""), null).authors()).containsExactly("Jesse Porter");
  }

  @Test
  void keepsPublishedApartFromModified() {
    String head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        + "\"headline\":\"Council expands the bus network\","
        + "\"datePublished\":\"2024-09-06T13:12:36+00:00\","
        + "\"dateModified\":\"2025-11-14T06:49:57+00:00\"}</script>";
    String shown = H1 + "<p class=\"updated\">Updated November 14, 2025</p>";
    CleanedPage page = cleaner.clean(page(head, shown, ""), null);
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-09-06T13:12:36Z"));
    assertThat(page.modifiedAt()).isEqualTo(Instant.parse("2025-11-14T06:49:57Z"));
  }

  @Test
  void takesTheDateShownUnderTheHeadlineWhenThePageHasNoOther() {
    String shown = H1 + "<div class=\"meta\"><span class=\"x1\">Dec 10, 2025</span></div>";
    String comments = "<aside><p>Nov 2, 2024</p></aside>";
    CleanedPage page = cleaner.clean(page("", shown, comments), "https://example.com/b/bus");
    assertThat(page.publishedDate()).isEqualTo(LocalDate.of(2025, 12, 10));
  }

  @Test
  void aForumThreadIsNotAnArticleEvenWhenItSaysSo() {
    String head = "<meta property=\"og:type\" content=\"article\">";
    String thread = H1 + "<p class=\"by\">By Jane Doe, Mar 3, 2024</p>";
    assertThat(cleaner.clean(page(head, thread, ""),
        "https://forums.example.org/threads/buses-at-night.1234/").isArticle()).isFalse();
    assertThat(cleaner.clean(page(head, thread, ""),
        "https://www.example.org/viewtopic.php?t=425337").isArticle()).isFalse();
  }

  @Test
  void aDocumentationPageIsNotAnArticleButABlogPostInALearnSectionIs() {
    String head = "<meta property=\"og:type\" content=\"article\">";
    String text = H1 + "<p class=\"by\">By Jane Doe, Mar 3, 2024</p>";
    assertThat(cleaner.clean(page(head, text, ""),
        "https://www.example.org/docs/18/sql-select.html").isArticle()).isFalse();
    assertThat(cleaner.clean(page(head, text, ""),
        "https://www.example.com/learn/blog/buses-at-night/").isArticle()).isTrue();
  }

  @Test
  void theHeadlineIsTheHeadingThatIsPartOfTheHeadTitle() {
    String head = "<title>Defer, Panic, and Recover - The Go Programming Language</title>";
    String headings = "<h1>The Go Blog</h1><h1>Defer, Panic, and Recover</h1>";
    assertThat(cleaner.clean(page(head, headings, ""), null).title())
        .isEqualTo("Defer, Panic, and Recover");
  }

  @Test
  void theTitleHasPlainSpaces() {
    String head = "<title>Council expands the bus network | Example</title>";
    String headline = "<h1>Council expands the bus&nbsp;network</h1>";
    assertThat(cleaner.clean(page(head, headline, ""), null).title())
        .isEqualTo("Council expands the bus network");
  }
}
