package news.pipeline.app.clean;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes what is never article text before scoring: scripts, styles, navigation, asides,
 * footers, captions, hidden elements, forms without prose, and elements whose class, id or role
 * mark them as boilerplate. An element holding most of the page's prose is never removed, so a
 * badly named wrapper cannot take the article with it.
 */
final class DomPruner {

  private DomPruner() {}

  /** Removes tags, hidden elements and elements named like boilerplate. */
  static void prune(Element body) {
    prune(body, true);
  }

  /**
   * Removes non-content elements; with {@code byName} false only tags, hidden elements and
   * reader comments go,
   * for pages whose templates give boilerplate-looking class names to the article itself.
   */
  static void prune(Element body, boolean byName) {
    removeCommentsAndDropTags(body);
    if (!byName) {
      body.select("[hidden], [style~=(?i)display:\\s*none]").remove();
      body.getAllElements().stream().filter(BoilerplateSignals::isComments).toList()
          .forEach(el -> {
            if (el.parent() != null) {
              el.remove();
            }
          });
      return;
    }
    TextIndex index = TextIndex.of(body);
    int totalProse = index.proseLength(body);
    List<Element> doomed = new ArrayList<>();
    for (Element el : body.getAllElements()) {
      if (el == body || isStructural(el)) {
        continue;
      }
      if (BoilerplateSignals.isHidden(el, index) || BoilerplateSignals.looksLikeBoilerplate(el)
          || isChromeHeader(el, index) || isFormWithoutProse(el, index)) {
        if (!holdsMostProse(el, totalProse, index) || BoilerplateSignals.isComments(el)) {
          doomed.add(el);
        }
      }
    }
    for (Element el : doomed) {
      if (el.parent() != null) {
        el.remove();
      }
    }
  }

  private static boolean holdsMostProse(Element el, int totalProse, TextIndex index) {
    if (totalProse == 0) {
      return false;
    }
    return index.proseLength(el) >= 0.4 * totalProse;
  }

  private static boolean isStructural(Element el) {
    String tag = el.normalName();
    return tag.equals("html") || tag.equals("body") || tag.equals("main") || tag.equals("article");
  }

  /** A {@code <header>} with mostly links (site header), not an article header with a lead. */
  private static boolean isChromeHeader(Element el, TextIndex index) {
    if (!el.normalName().equals("header")) {
      return false;
    }
    int len = index.textLength(el);
    return len < 40 || index.linkDensity(el) > 0.4 || el.selectFirst("ul, ol") != null;
  }

  private static boolean isFormWithoutProse(Element el, TextIndex index) {
    return el.normalName().equals("form") && index.proseLength(el) < 200;
  }

  /** Removes comments and the elements whose tag never holds article text, in one pass. */
  private static void removeCommentsAndDropTags(Element root) {
    List<Node> doomed = new ArrayList<>();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Comment
            || node instanceof Element el && BoilerplateSignals.isDropTag(el)) {
          doomed.add(node);
          return FilterResult.SKIP_ENTIRELY; // what is inside goes with it
        }
        return FilterResult.CONTINUE;
      }
    }, root);
    doomed.forEach(Node::remove);
  }
}
