package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The listed elements give the metadata readers what jsoup's own selects give, element for
 * element and in order, and the cheaper hints in front of two queries never drop an element the
 * query selects.
 */
class PageElementsTest {

  private static final String[] PAGES = {
    "wcxb/0080.html", "wcxb/0153.html", "wcxb/0160.html", "wcxb/0161.html", "wcxb/0259.html",
    "failure-modes/cookie-newsletter.html", "failure-modes/index-page.html",
    "failure-modes/published-modified.html", "failure-modes/related-links.html",
    "failure-modes/several-authors.html", "failure-modes/teaser-lead.html"
  };

  /** Bylines and date classes written in the cases and places the queries must still find. */
  private static final String ODD_CASES = """
      <html><head><title>T</title><meta name="author" content="A"></head><body>
      <div class="Post-BYLINE">By Jane Doe</div><span rel="AUTHOR">Ann</span>
      <p itemprop="author">Bo</p><div data-testid="ArticleByline">Cy</div>
      <div class="c-Byline x">Di</div><a class="AUTHOR" href="/people/x">Ed</a>
      <span class=" byline-name ">Fay</span><div class="hero__Author-Name">Gil</div>
      <span id="PublishDate">March 3, 2021</span><time class="Meta">2021-03-03</time>
      <div class="author">Hal</div><div class="notes">no</div>
      </body></html>
      """;

  private static final List<String> QUERIES = List.of("h1", "h1, h2", "script", "aside");
  /** Queries that select only elements with attributes, for {@link PageElements#selectWithAttributes}. */
  private static final List<String> ATTRIBUTE_QUERIES = List.of("meta[content]", "script[type~=(?i)application/ld\\+json]",
      "link[rel~=(?i)^canonical$][href]", "link[rel~=(?i)^amphtml$][href]", "time[datetime]",
      "[itemprop=datePublished], time[pubdate], time.published, time.entry-date",
      "[class~=(?i)date|time|publish|posted|byline|meta], [id~=(?i)date|publish]",
      "a[href~=(?i)/(author|authors|autor|auteur|writers?|profile|people|staff)/[^/?#]+/?$]");

  @ParameterizedTest
  @ValueSource(strings = {
    "wcxb/0080.html", "wcxb/0153.html", "wcxb/0160.html", "failure-modes/several-authors.html",
    "failure-modes/published-modified.html", "failure-modes/index-page.html"
  })
  void listedSelectsGiveWhatJsoupGives(String page) {
    Document doc = Jsoup.parse(Fixtures.read(page), "https://example.com/a");
    try (PageElements open = PageElements.open(doc)) {
      for (String css : ATTRIBUTE_QUERIES) {
        assertThat(PageElements.selectWithAttributes(doc, PageElements.query(css), null)).as(css)
            .containsExactlyElementsOf(doc.select(css));
      }
      for (String css : Stream.concat(QUERIES.stream(), ATTRIBUTE_QUERIES.stream()).toList()) {
        Evaluator query = PageElements.query(css);
        assertThat(PageElements.select(doc, query)).as(css).containsExactlyElementsOf(doc.select(css));
        assertThat(PageElements.selectFirst(doc, query)).as(css).isSameAs(doc.selectFirst(css));
        assertThat(PageElements.selectFirst(doc.body(), query)).as(css).isSameAs(doc.body().selectFirst(css));
      }
      assertThat(PageElements.elements(doc)).containsExactlyElementsOf(doc.select("*"));
      assertThat(PageElements.elements(doc.body())).containsExactlyElementsOf(doc.body().select("*"));
      assertThat(PageElements.selectWithAttributes(doc, AuthorExtractor.BYLINE_QUERY,
          AuthorExtractor.NAMES_AUTHOR_OR_BYLINE)).containsExactlyElementsOf(doc.select(AuthorExtractor.BYLINE_QUERY));
      assertThat(PageElements.selectWithAttributes(doc, DateExtractor.DATE_LIKE, DateExtractor.DATE_LIKE_HINT))
          .containsExactlyElementsOf(doc.select(DateExtractor.DATE_LIKE));
    }
  }

  @Test
  void hintsHoldForEveryElementTheirQueriesSelect() {
    assertHintHolds(ODD_CASES, AuthorExtractor.BYLINE_QUERY, AuthorExtractor.NAMES_AUTHOR_OR_BYLINE, 7);
    assertHintHolds(ODD_CASES, AuthorExtractor.AUTHOR_CLASS_QUERY, AuthorExtractor.NAMES_AUTHOR_OR_BYLINE, 3);
    assertHintHolds(ODD_CASES, DateExtractor.DATE_LIKE, DateExtractor.DATE_LIKE_HINT, 4);
    for (String page : PAGES) {
      String html = Fixtures.read(page);
      assertHintHolds(html, AuthorExtractor.BYLINE_QUERY, AuthorExtractor.NAMES_AUTHOR_OR_BYLINE, 0);
      assertHintHolds(html, AuthorExtractor.AUTHOR_CLASS_QUERY, AuthorExtractor.NAMES_AUTHOR_OR_BYLINE, 0);
      assertHintHolds(html, DateExtractor.DATE_LIKE, DateExtractor.DATE_LIKE_HINT, 0);
    }
  }

  @Test
  void anotherDocumentOrAClosedListIsSelectedByJsoup() {
    Document listed = Jsoup.parse("<body><h1>Listed</h1></body>");
    Document other = Jsoup.parse("<body><h1>Other</h1><div><h1>Second</h1></div></body>");
    Evaluator h1 = PageElements.query("h1");
    try (PageElements open = PageElements.open(listed)) {
      assertThat(PageElements.select(other, h1)).extracting(Element::text).containsExactly("Other", "Second");
      assertThat(PageElements.select(other.body().child(1), h1)).extracting(Element::text).containsExactly("Second");
      assertThat(PageElements.select(listed, h1)).extracting(Element::text).containsExactly("Listed");
    }
    listed.body().appendElement("h1").text("Added after close");
    assertThat(PageElements.select(listed, h1)).extracting(Element::text)
        .containsExactly("Listed", "Added after close");
  }

  @Test
  void containsIgnoreCaseFindsTheWordInAnyCase() {
    assertThat(TextStats.containsIgnoreCase("post-BYLINE", "byline")).isTrue();
    assertThat(TextStats.containsIgnoreCase("Author", "author")).isTrue();
    assertThat(TextStats.containsIgnoreCase("co-authors", "author")).isTrue();
    assertThat(TextStats.containsIgnoreCase("autho", "author")).isFalse();
    assertThat(TextStats.containsIgnoreCase("", "author")).isFalse();
    assertThat(TextStats.containsIgnoreCase("by-line", "byline")).isFalse();
  }

  private static void assertHintHolds(String html, Evaluator query, Predicate<Element> hint, int atLeast) {
    Document doc = Jsoup.parse(html, "https://example.com/a");
    List<Element> selected = doc.select(query);
    assertThat(selected).hasSizeGreaterThanOrEqualTo(atLeast);
    for (Element el : selected) {
      assertThat(hint.test(el)).as("%s selected by %s", el.outerHtml(), query).isTrue();
    }
  }
}
