package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlCleanerTest {

  private static final String PROSE = "The council voted on Tuesday to expand the bus network, adding"
      + " three routes, longer hours and a night service that residents had asked for.";

  private final HtmlCleaner cleaner = new HtmlCleaner();

  private static String page(String head, String article) {
    return "<html lang=\"en-us\"><head>" + head + "</head><body>"
        + "<header><a href=\"/\">Home</a><ul><li><a href=\"/a\">News</a></li>"
        + "<li><a href=\"/b\">Sport</a></li></ul></header>"
        + "<nav><a href=\"/c\">Politics</a> <a href=\"/d\">Business</a></nav>"
        + "<div class=\"layout\"><main><article>" + article + "</article></main>"
        + "<aside class=\"sidebar\"><h3>Most read</h3><p>" + PROSE.replace("council", "mayor")
        + "</p></aside></div>"
        + "<div class=\"cookie-banner\"><p>We use cookies to improve your experience on this site,"
        + " please accept them.</p></div>"
        + "<footer><p>© 2020 Example Media. All rights reserved.</p></footer></body></html>";
  }

  private static String body(int paragraphs) {
    StringBuilder sb = new StringBuilder("<h1>Council expands the bus network</h1>");
    sb.append("<div class=\"intro\"><p>Lead: ").append(PROSE).append("</p></div>");
    for (int i = 0; i < paragraphs; i++) {
      sb.append("<p>Paragraph ").append(i).append(". ").append(PROSE).append("</p>");
    }
    sb.append("<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a></div>");
    sb.append("<figure><img src=\"x.jpg\"><figcaption>Photo: A bus. Credit: Jo</figcaption></figure>");
    sb.append("<div class=\"related-articles\"><h3>Read more</h3><ul>"
        + "<li><a href=\"/1\">Another story about buses and trains in town</a></li>"
        + "<li><a href=\"/2\">Yet another story about trams in the city</a></li></ul></div>");
    return sb.toString();
  }

  @Test
  void keepsArticleParagraphsInOrderAndDropsChrome() {
    CleanedPage page = cleaner.clean(page("<title>Council expands the bus network | Example</title>",
        body(4)), "https://example.com/news/bus");

    assertThat(page.text()).startsWith("Lead: The council voted")
        .contains("Paragraph 0.", "Paragraph 3.")
        .doesNotContain("Most read", "mayor", "cookies", "Share on Facebook", "Another story",
            "Photo: A bus", "All rights reserved", "Politics", "Sport");
    assertThat(page.text().indexOf("Paragraph 1.")).isLessThan(page.text().indexOf("Paragraph 2."));
    assertThat(page.text().split("\n\n")).hasSize(5);
  }

  @Test
  void readsMetadataFromMetaTagsAndJsonLd() {
    String head = "<title>Council expands the bus network - Example News</title>"
        + "<meta property=\"og:site_name\" content=\"Example News\">"
        + "<meta name=\"description\" content=\"Three new routes.\">"
        + "<link rel=\"canonical\" href=\"/news/bus\">"
        + "<link rel=\"amphtml\" href=\"https://example.com/amp/news/bus\">"
        + "<meta property=\"article:modified_time\" content=\"2020-06-12T10:00:00+02:00\">"
        + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        + "{\"@type\":\"NewsArticle\",\"headline\":\"Council expands the bus network\","
        + "\"datePublished\":\"2020-06-10T18:58:00-04:00\",\"author\":[{\"@type\":\"Person\","
        + "\"name\":\"Jane Doe\"},{\"@type\":\"Person\",\"name\":\"John Roe\"}]}]}</script>";
    CleanedPage page = cleaner.clean(page(head, body(4)), "https://example.com/news/bus?utm=x");

    assertThat(page.title()).isEqualTo("Council expands the bus network");
    assertThat(page.authors()).containsExactly("Jane Doe", "John Roe");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2020-06-10T22:58:00Z"));
    assertThat(page.modifiedAt()).isEqualTo(Instant.parse("2020-06-12T08:00:00Z"));
    assertThat(page.canonicalUrl()).isEqualTo("https://example.com/news/bus");
    assertThat(page.aliasUrls()).containsExactly("https://example.com/amp/news/bus",
        "https://example-com.cdn.ampproject.org/c/s/example.com/amp/news/bus");
    assertThat(page.siteName()).isEqualTo("Example News");
    assertThat(page.language()).isEqualTo("en-US");
    assertThat(page.excerpt()).isEqualTo("Three new routes.");
    assertThat(page.isArticle()).isTrue();
  }

  @Test
  void fallsBackToBylineTimeElementAndRegistrableDomain() {
    String article = body(4).replace("</h1>", "</h1><p class=\"byline\">By Jane Doe and John Roe,"
        + " Staff Writers</p><time datetime=\"2021-03-05T09:00:00Z\">March 5</time>");
    CleanedPage page = cleaner.clean(page("<title>Council expands the bus network</title>", article),
        "https://www.news.example.co.uk/local/bus");

    assertThat(page.authors()).containsExactly("Jane Doe", "John Roe");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2021-03-05T09:00:00Z"));
    assertThat(page.siteName()).isEqualTo("example.co.uk");
    assertThat(page.excerpt()).startsWith("Lead: The council");
    assertThat(page.text()).doesNotContain("Staff Writers");
  }

  @Test
  void takesTheDateFromTheUrlWhenThePageHasNone() {
    CleanedPage page = cleaner.clean(page("", body(3)), "https://example.com/2019/11/02/bus");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2019-11-02T00:00:00Z"));
  }

  @Test
  void linkListPageIsNotAnArticle() {
    StringBuilder links = new StringBuilder("<h1>Latest news</h1><ul>");
    for (int i = 0; i < 40; i++) {
      links.append("<li><a href=\"/s").append(i).append("\">Story number ").append(i)
          .append(" about something</a></li>");
    }
    links.append("</ul>");
    assertThat(cleaner.clean(page("<title>Latest</title>", links.toString()), null).isArticle())
        .isFalse();
  }

  @Test
  void productPageIsNotAnArticle() {
    String head = "<script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Bus\"}</script>";
    assertThat(cleaner.clean(page(head, body(6)), null).isArticle()).isFalse();
  }

  @Test
  void emptyOrBrokenHtmlGivesAnEmptyNonArticle() {
    assertThat(cleaner.clean(null, null).text()).isEmpty();
    assertThat(cleaner.clean("<<<>>", "not a url").isArticle()).isFalse();
  }

  @Test
  void articleSplitIntoManySmallSectionsIsKeptWhole() {
    StringBuilder sections = new StringBuilder("<h1>Ten tips</h1>");
    for (int i = 1; i <= 6; i++) {
      sections.append("<div class=\"elementor-widget-text-editor\"><h2>Tip ").append(i)
          .append("</h2><p>Tip ").append(i).append(" says: ").append(PROSE).append("</p></div>");
    }
    CleanedPage page = cleaner.clean(page("<title>Ten tips</title>", sections.toString()), null);
    assertThat(page.text()).contains("Tip 1 says", "Tip 6 says");
  }

  @Test
  void readerCommentsAreDroppedEvenWhenLongerThanTheArticle() {
    StringBuilder comments = new StringBuilder("<div id=\"comments\" class=\"comments-wrapper\"><ol>");
    for (int i = 0; i < 12; i++) {
      comments.append("<li><p>Reader ").append(i).append(" wrote: ").append(PROSE).append("</p></li>");
    }
    comments.append("</ol></div>");
    CleanedPage page = cleaner.clean(page("<title>Buses</title>", body(3) + comments), null);
    assertThat(page.text()).contains("Paragraph 2.").doesNotContain("Reader 0 wrote");
  }

  @Test
  void findsTheDateOnAJsonLdWebPageNode() {
    String head = "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\","
        + "\"datePublished\":\"2024-03-17T19:47:39+00:00\"}]}</script>";
    assertThat(cleaner.clean(page(head, body(3)), null).publishedAt())
        .isEqualTo(Instant.parse("2024-03-17T19:47:39Z"));
  }

  @Test
  void findsTheDateInThePagesOwnScriptState() {
    String head = "<script>window.__STATE__={slug:\"bus\",publishedDate:\"2019-08-16T00:00:00.000Z\"}"
        + "</script>";
    assertThat(cleaner.clean(page(head, body(3)), null).publishedAt())
        .isEqualTo(Instant.parse("2019-08-16T00:00:00Z"));
  }

  @Test
  void findsATextDateNextToTheHeadline() {
    String article = "<div><h1>Council expands the bus network</h1><div><strong>By <a href=\"/t\">"
        + "Jane Doe</a></strong> - Mar 27, 2024</div></div>" + body(3).replaceFirst("<h1>.*?</h1>", "");
    CleanedPage page = cleaner.clean(page("", article), null);
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-03-27T00:00:00Z"));
  }

  @Test
  void prefersTheSingleVisibleHeadlineOverAnUnrelatedHeadTitle() {
    CleanedPage page = cleaner.clean(
        page("<meta property=\"og:title\" content=\"Buses | Best of 2020 | City\">", body(3)), null);
    assertThat(page.title()).isEqualTo("Council expands the bus network");
  }
}
