package news.pipeline.app.clean;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Reads {@code <meta>} values by name, property or itemprop. */
final class Meta {

  private Meta() {}

  /** The first non-blank content among the given keys (case-insensitive), else null. */
  static String first(Document doc, String... keys) {
    // one traversal of the document per call, not one per key (this was a top hot spot)
    Elements metas = doc.select("meta[content]");
    for (String key : keys) {
      for (Element meta : metas) {
        if (key.equalsIgnoreCase(meta.attr("property")) || key.equalsIgnoreCase(meta.attr("name"))
            || key.equalsIgnoreCase(meta.attr("itemprop"))
            || key.equalsIgnoreCase(meta.attr("http-equiv"))) {
          String v = meta.attr("content").strip();
          if (!v.isEmpty()) {
            return v;
          }
        }
      }
    }
    return null;
  }

  /** An absolute URL for {@code href}, resolved against the document's base; null if none. */
  static String absolute(Element el, String attr) {
    if (el == null || el.attr(attr).isBlank()) {
      return null;
    }
    String abs = el.absUrl(attr);
    if (!abs.isEmpty()) {
      return abs;
    }
    String raw = el.attr(attr).strip();
    return raw.matches("(?i)https?://.+") ? raw : null;
  }
}
