package news.pipeline.app.clean;

import org.jsoup.nodes.Element;

/** Small text measures used by the extractor: link density and comma counts. */
final class TextStats {

  private TextStats() {}

  /** Share of the element's text that sits inside links (0 when it has no text). */
  static double linkDensity(Element el) {
    int total = el.text().length();
    if (total == 0) {
      return 0;
    }
    int linked = 0;
    for (Element a : el.select("a")) {
      linked += a.text().length();
    }
    return Math.min(1.0, (double) linked / total);
  }

  static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '，' || c == '、' || c == '،') {
        n++;
      }
    }
    return n;
  }

  static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}
