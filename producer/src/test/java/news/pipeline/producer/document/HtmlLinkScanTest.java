package news.pipeline.producer.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The byte scan answers as jsoup does, or leaves the page to jsoup. */
class HtmlLinkScanTest {

  private static final String FILLER = "<p>" + "word ".repeat(20_000) + "</p>";

  static List<String> pages() {
    return List.of(
        "<html><head><link rel=canonical href=https://a.example/x></head>",
        "<html><head><LINK REL=\"Canonical\" HREF='https://a.example/x'/></head>",
        "<link rel=\"alternate canonical\" href=\"https://a.example/x\"><link rel=canonical href=https://a.example/y>",
        "<link rel=\"stylesheet\" href=\"/s.css\"><link rel=canonical href=\" https://a.example/x \">",
        "<!-- <link rel=canonical href=https://commented.example/> --><link rel=canonical href=https://a.example/x>",
        "<!--><link rel=canonical href=https://a.example/x>",
        "<!---><link rel=canonical href=https://a.example/x>",
        "<!-- a --!> <link rel=canonical href=https://a.example/x> -->",
        "<script>var s='<link rel=canonical href=https://script.example/>';</script><link rel=canonical href=https://a.example/x>",
        "<script><!-- <script></script> --></script><link rel=canonical href=https://a.example/x>",
        "<title><link rel=canonical href=https://title.example/></title><link rel=canonical href=https://a.example/x>",
        "<textarea><link rel=canonical href=https://t.example/></textarea><link rel=canonical href=https://a.example/x>",
        "<style>a{}</style ><link rel=canonical href=https://a.example/x>",
        "<div title=\"<link rel=canonical href=https://attr.example/>\"><link rel=canonical href=https://a.example/x>",
        "</div title=\">\"><link rel=canonical href=https://a.example/x>",
        "<link rel=canonical href=\"https://a.example/x?a=1&amp;b=2\">",
        "<link rel=can&#111;nical href=https://a.example/x>",
        "<link rel=canonical href=https://a.example/x rel=alternate>",
        "<link href=https://a.example/x rel=canonical>",
        "<link rel=canonical>",
        "<link rel=canonical href>",
        "<link rel=canonical href=>",
        "<link/rel=canonical/href=https://a.example/x>",
        "<link rel=canonical href=\"https://a.example/\u00e9\">",
        "<meta property=og:url content=https://og.example/x>",
        "<meta property=' OG:URL ' content=https://og.example/x>",
        "<meta property=og:url content=https://og.example/x><link rel=canonical href=https://a.example/x>",
        "<meta property=og:url content=https://og.example/x><meta property=og:url content=https://og.example/y>",
        "<meta name=og:url content=https://og.example/x>",
        "<meta property=og:url>",
        "<table><link rel=canonical href=https://t.example/></table><link rel=canonical href=https://a.example/x>",
        "<select><link rel=canonical href=https://s.example/></select><link rel=canonical href=https://a.example/x>",
        "<svg><link rel=canonical href=https://svg.example/></svg>",
        "<noscript><link rel=canonical href=https://n.example/></noscript>",
        "<a<link rel=canonical href=https://a.example/x>",
        "<meta charset=utf-16><link rel=canonical href=https://a.example/x>",
        "<meta http-equiv=content-type content='text/html; charset=iso-8859-1'><link rel=canonical href=https://a.example/x>",
        "<link rel=canonical href=\"https://a.example/x",
        "<p>no links at all</p>",
        "<p>canonical but no tag</p>",
        "<head><script src=a.js></script><link rel=canonical href=https://a.example/x></head>" + FILLER,
        FILLER + "<link rel=canonical href=https://late.example/x>",
        FILLER + "<meta property=og:url content=https://late.example/og>",
        "<meta property=og:url content=https://og.example/x>" + FILLER + "<link rel=canonical href=https://late.example/x>",
        "<meta property=og:url content=https://og.example/x>" + FILLER,
        "<script>" + FILLER + "</script><link rel=canonical href=https://late.example/x>",
        FILLER,
        FILLER + "&#99;",
        "<noscript><link rel=stylesheet href=/a.css><img src=/p.gif><style>p{}</style></noscript>"
            + "<link rel=canonical href=https://a.example/x>",
        "<noscript><link rel=canonical href=https://n.example/x></noscript><link rel=canonical href=https://a.example/x>",
        "<head><noscript><script>x</script><link rel=canonical href=https://n.example/x></noscript></head>",
        "<head><noscript><title><link rel=canonical href=https://n.example/x></title></noscript></head>",
        "<noscript><iframe src=x></iframe></noscript><link rel=canonical href=https://a.example/x>",
        "<body><noscript><p>x</p></noscript><link rel=canonical href=https://a.example/x>",
        "<table><tr><td>x</td></tr></table><p>&#99;</p>",
        "<meta property=og:url content=https://og.example/x><table><tr><td>x</td></tr></table>",
        "<meta property=og:url content=https://og.example/x><table><tr><td><link rel=canonical href=https://t.example/x>",
        "<table><tr><td><div><meta property=og:url content=https://t.example/og></div></td></tr></table>",
        "<script><!-- var a = '</p>'; --></script><link rel=canonical href=https://a.example/x>",
        "<script><!-- document.write('<script src=a.js></script>'); --></script><link rel=canonical href=https://a.example/x>",
        "<svg><title>t</title><link rel=canonical href=https://svg.example/x></svg>",
        "<svg><title><link rel=stylesheet href=a.css></title></svg><p>canonical</p>",
        "<div><meta property=og:url content=https://og.example/x></div><frameset><frame src=a></frameset>",
        "<a<b><link rel=canonical href=https://a.example/x>",
        "<!-- a --!> <p>no link</p>",
        FILLER + "<link rel=stylesheet href=/late.css><p>it&#8217;s late</p>",
        FILLER + "<table><tr><td>x</td></tr></table><link rel=canonical href=https://late.example/x>",
        FILLER + "<div><link rel=canonical href=https://late.example/x></div>",
        FILLER + "<script>" + FILLER + "</script><link rel=canonical href=https://late.example/x>");
  }

  @ParameterizedTest
  @MethodSource("pages")
  void answersAsJsoupDoes(String page) {
    for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
      byte[] bytes = page.getBytes(charset);
      String expected = UrlExtractor.fromHtmlWithJsoup(bytes, null);
      String scanned = HtmlLinkScan.find(bytes, Math.min(bytes.length, UrlExtractor.HTML_SCAN_BYTES), null);
      if (scanned != HtmlLinkScan.INCONCLUSIVE) {
        assertThat(scanned).as("scan of %s", page.length() > 200 ? page.substring(0, 200) : page).isEqualTo(expected);
      }
      assertThat(UrlExtractor.find(news.pipeline.avro.ContentType.HTML, bytes, null).orElse(null))
          .isEqualTo(expected == null ? null : expected.strip().matches("(?i)^https?://[^\\s/]+\\S*$") ? expected.strip() : null);
    }
  }

  @Test
  void ordinaryPagesNeedNoParser() {
    byte[] page = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>T &amp; U</title>"
        + "<script>window.x = 1 < 2;</script><style>p>a{}</style>"
        + "<link rel=\"canonical\" href=\"https://news.example/story\"></head>" + FILLER)
        .getBytes(StandardCharsets.UTF_8);
    assertThat(HtmlLinkScan.find(page, UrlExtractor.HTML_SCAN_BYTES, null)).isEqualTo("https://news.example/story");
    byte[] none = ("<html><head><title>T</title></head>" + FILLER).getBytes(StandardCharsets.UTF_8);
    assertThat(HtmlLinkScan.find(none, UrlExtractor.HTML_SCAN_BYTES, null)).isNull();
  }

  @Test
  void elementsItCannotFollowEndTheWalkWithoutLeavingThePageToJsoup() {
    String head = "<!doctype html><html><head><noscript><link rel=stylesheet href=/a.css><img src=/p.gif></noscript>"
        + "<link rel=\"canonical\" href=\"https://news.example/story\"></head>";
    assertThat(find(head + "<body><table><tr><td>x</td></tr></table>" + FILLER)).isEqualTo("https://news.example/story");
    assertThat(find("<html><head><title>T</title></head><body><svg><title>s</title></svg><table></table>"
        + "<link rel=stylesheet href=/b.css>" + FILLER)).isNull();
    assertThat(find("<html><head><title>T</title></head><body><select><option>1</select>" + FILLER
        + "<link rel=canonical href=https://late.example/x>")).isSameAs(HtmlLinkScan.INCONCLUSIVE);
  }

  @Test
  void walksPastTheFastScanBytesWhenTheRestMayHoldACandidate() {
    String page = "<html><head><title>T</title></head><body>" + FILLER + "<p>it&#8217;s</p>"
        + "<link rel=stylesheet href=/late.css><link rel=canonical href=https://late.example/x>";
    assertThat(page.length()).isGreaterThan(HtmlLinkScan.FAST_SCAN_BYTES);
    assertThat(find(page)).isEqualTo("https://late.example/x");
  }

  private static String find(String page) {
    byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
    return HtmlLinkScan.find(bytes, Math.min(bytes.length, UrlExtractor.HTML_SCAN_BYTES), null);
  }

  @Test
  void charsetsThatAreNotAsciiSupersetsAreLeftToJsoup() {
    byte[] page = "<link rel=canonical href=https://a.example/x>".getBytes(StandardCharsets.US_ASCII);
    assertThat(HtmlLinkScan.find(page, page.length, "UTF-16")).isSameAs(HtmlLinkScan.INCONCLUSIVE);
    assertThat(HtmlLinkScan.find(page, page.length, "windows-1252")).isEqualTo("https://a.example/x");
  }
}
