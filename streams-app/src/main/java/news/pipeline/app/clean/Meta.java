package news.pipeline.app.clean;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/** Reads {@code <meta>} values by name, property or itemprop. */
final class Meta {

  private static final Evaluator WITH_CONTENT = PageElements.query("meta[content]");

  private Meta() {}

  /**
   * The {@code <meta content>} tags of the document a thread read last: a page's metadata asks
   * about ten times, and each select walked the whole document (a top hot spot). Weakly held,
   * so no page is kept alive by it.
   */
  private static final ThreadLocal<MetaTags> LAST = new ThreadLocal<>();

  private record MetaTags(WeakReference<Document> doc, List<MetaTag> tags) {}

  private record MetaTag(WeakReference<Element> element, String property, String name,
      String itemprop, String httpEquiv, String content) {

    boolean isKey(String key) {
      return key.equalsIgnoreCase(property) || key.equalsIgnoreCase(name)
          || key.equalsIgnoreCase(itemprop) || key.equalsIgnoreCase(httpEquiv);
    }

    /** Whether the tag is still in {@code doc}: the cleaner prunes the body after listing. */
    boolean isIn(Document doc) {
      Element el = element.get();
      return el != null && el.root() == doc;
    }
  }

  /** The first non-blank content among the given keys (case-insensitive), else null. */
  static String first(Document doc, String... keys) {
    List<MetaTag> tags = tags(doc);
    for (String key : keys) {
      for (MetaTag tag : tags) {
        if (tag.isKey(key)) {
          String v = tag.content().strip();
          if (!v.isEmpty() && tag.isIn(doc)) {
            return v;
          }
        }
      }
    }
    return null;
  }

  /** Every non-blank content of {@code key} (case-insensitive), in page order. */
  static List<String> all(Document doc, String key) {
    List<String> values = new ArrayList<>();
    for (MetaTag tag : tags(doc)) {
      String v = tag.content().strip();
      if (tag.isKey(key) && !v.isEmpty() && tag.isIn(doc)) {
        values.add(v);
      }
    }
    return values;
  }

  private static List<MetaTag> tags(Document doc) {
    MetaTags last = LAST.get();
    if (last != null && last.doc().get() == doc) {
      return last.tags();
    }
    List<MetaTag> tags = new ArrayList<>();
    for (Element meta : PageElements.selectWithAttributes(doc, WITH_CONTENT, null)) {
      tags.add(new MetaTag(new WeakReference<>(meta), meta.attr("property"), meta.attr("name"),
          meta.attr("itemprop"), meta.attr("http-equiv"), meta.attr("content")));
    }
    LAST.set(new MetaTags(new WeakReference<>(doc), tags));
    return tags;
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
