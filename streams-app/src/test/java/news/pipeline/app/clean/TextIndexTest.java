package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TextIndex} must give exactly what jsoup gives element by element ({@code text()} length,
 * link text, commas, prose), on real pages and on random trees full of whitespace corner cases.
 */
class TextIndexTest {

  @ParameterizedTest
  @ValueSource(strings = {"wcxb/0080.html", "wcxb/0153.html", "wcxb/0160.html", "wcxb/0161.html",
      "wcxb/0259.html", "failure-modes/index-page.html", "failure-modes/related-links.html",
      "failure-modes/cookie-newsletter.html", "failure-modes/teaser-lead.html"})
  void equalsJsoupOnEveryElementOfRealPages(String fixture) {
    Document doc = Jsoup.parse(Fixtures.read(fixture), "https://example.com/");
    assertSameAsJsoup(doc);
    assertSameAsJsoup(doc.body());
  }

  @Test
  void equalsJsoupOnRandomTreesWithWhitespaceCornerCases() {
    Random random = new Random(20261201);
    for (int page = 0; page < 300; page++) {
      StringBuilder html = new StringBuilder("<html><head><title> T </title></head><body>");
      randomContent(random, html, 0);
      html.append("</body></html>");
      Document doc = Jsoup.parse(html.toString());
      assertSameAsJsoup(doc);
    }
  }

  @Test
  void handlesBlockBoundariesPreformattedTextAndInvisibleCharacters() {
    Document doc = Jsoup.parse("<div>a<p> b </p>c<br>d<pre>  e\n  f </pre> \u200b g&nbsp;"
        + "<span> </span><a href=x>link, text</a><li>\u0001 x</li></div>");
    Element div = doc.selectFirst("div");
    TextIndex index = TextIndex.of(doc);
    assertThat(index.textLength(div)).isEqualTo(div.text().length());
    assertThat(index.linkTextLength(div)).isEqualTo("link, text".length());
    assertThat(index.commas(div)).isEqualTo(1);
  }

  @Test
  void rootOnlyIndexAnswersForTheRootAlone() {
    Document doc = Jsoup.parse("<p>one two</p><p>three</p>");
    TextIndex index = TextIndex.ofRoot(doc.body());
    assertThat(index.textLength(doc.body())).isEqualTo(doc.body().text().length());
    assertThatThrownBy(() -> index.textLength(doc.selectFirst("p")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertSameAsJsoup(Element root) {
    TextIndex index = TextIndex.of(root);
    for (Element el : root.getAllElements()) {
      String text = el.text();
      int links = 0;
      for (Element a : el.select("a")) {
        links += a.text().length();
      }
      int prose = 0;
      for (Element p : el.select("p, pre, blockquote, li")) {
        int len = p.text().length();
        if (len >= 60 && p.select("p, li").size() <= 1) {
          prose += len;
        }
      }
      String where = el.cssSelector();
      assertThat(index.textLength(el)).as("text length of %s", where).isEqualTo(text.length());
      assertThat(index.linkTextLength(el)).as("link text of %s", where).isEqualTo(links);
      assertThat(index.commas(el)).as("commas of %s", where).isEqualTo(TextStats.commas(text));
      assertThat(index.proseLength(el)).as("prose of %s", where).isEqualTo(prose);
    }
  }

  private static final String[] TAGS = {"div", "p", "span", "a", "b", "pre", "li", "ul", "br",
      "td", "blockquote", "textarea", "h2", "em", "section"};
  private static final String[] TEXTS = {" ", "  ", "\n", "\t x \t", "a", "word, word", "\u00a0",
      "\u200b", "\u00ad", " \u200b ", "\u0001", "\u000b", "x\u000b", "\r\n", "😀", " 😀 ",
      "long prose sentence that goes on for quite a while, with commas, and more words.", "，、،",
      "&nbsp;", "&#8203;", " end. "};

  private static void randomContent(Random random, StringBuilder html, int depth) {
    int parts = 1 + random.nextInt(4);
    for (int i = 0; i < parts; i++) {
      int kind = random.nextInt(depth > 5 ? 2 : 4);
      if (kind < 2) {
        html.append(TEXTS[random.nextInt(TEXTS.length)]);
      } else if (kind == 2) {
        html.append("<!-- c -->");
      } else {
        String tag = TAGS[random.nextInt(TAGS.length)];
        html.append('<').append(tag).append(tag.equals("a") ? " href=/x>" : ">");
        if (!tag.equals("br")) {
          randomContent(random, html, depth + 1);
          html.append("</").append(tag).append('>');
        }
      }
    }
  }
}
