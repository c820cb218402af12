package news.pipeline.app.clean;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * The elements of one document in document order, listed in one walk, so that the metadata
 * readers' selects (a dozen or more a page) do not each walk the whole document again: those
 * walks, and the selectors tried on every element, were a third of the cleaner's time.
 *
 * <p>{@link HtmlCleaner} opens the list for a document while it reads the page's metadata, which
 * does not change the document, and closes it before the body is pruned. The readers select
 * through the static methods here, which give what jsoup's own select gives: from the list when it
 * is open on the calling thread for the document of {@code root} and {@code root} is the document
 * or its body, else by jsoup's select (so a reader called on its own, in a test, works as before).
 *
 * <pre>{@code
 * try (PageElements open = PageElements.open(doc)) {
 *   Elements h = PageElements.select(doc, PageElements.query("h1, h2"));
 * }
 * }</pre>
 *
 * <p>Only queries without combinators or structural pseudo-selectors go through here ({@code "a
 * b"}, {@code :has(...)}): jsoup resets those evaluators' memo before its own selects, which code
 * outside jsoup cannot do.
 */
final class PageElements implements AutoCloseable {

  private static final ThreadLocal<PageElements> OPEN = new ThreadLocal<>();

  private final Document doc;
  private final Element body;
  /** The document and every element under it, in document order. */
  private final List<Element> all = new ArrayList<>();
  /** The body's elements are {@code all[bodyFrom, bodyTo)}; the body is the first of them. */
  private int bodyFrom = -1;
  private int bodyTo = -1;
  /** The elements of {@link #all} with at least one attribute, listed on first use. */
  private List<Element> attributed;
  /** For each hint used, the attributed elements it holds for, listed on its first use. */
  private final Map<Predicate<Element>, List<Element>> hinted = new IdentityHashMap<>();

  private PageElements(Document doc) {
    this.doc = doc;
    this.body = doc.body();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof Element el) {
              if (el == body) {
                bodyFrom = all.size();
              }
              all.add(el);
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node == body) {
              bodyTo = all.size();
            }
          }
        },
        doc);
  }

  /** Lists {@code doc}'s elements for this thread's selects on it, until {@link #close}. */
  static PageElements open(Document doc) {
    PageElements open = new PageElements(doc);
    OPEN.set(open);
    return open;
  }

  @Override
  public void close() {
    if (OPEN.get() == this) {
      OPEN.remove();
    }
  }

  /** A parsed CSS query, to be kept in a constant: parsing it is not free either. */
  static Evaluator query(String css) {
    return QueryParser.parse(css);
  }

  /** What {@code root.select("*")} gives: root and every element under it. */
  static Elements elements(Element root) {
    PageElements open = forRoot(root);
    if (open == null) {
      return root.getAllElements();
    }
    return new Elements(open.range(root));
  }

  /** What {@code root.select(query)} gives. */
  static Elements select(Element root, Evaluator query) {
    PageElements open = forRoot(root);
    if (open == null) {
      return root.select(query);
    }
    return matching(root, query, open.range(root));
  }

  /**
   * What {@code root.select(query)} gives, for a query no element without attributes matches
   * (each of its alternatives tests an attribute, a class or an id); from the list only when
   * {@code root} is the document. {@code hint}, when not null, must hold for every element the
   * query matches; it is tried first, as the cheaper test, and the elements it holds for are kept
   * for the next query with the same hint (so a hint is a constant, not a new lambda each call).
   */
  static Elements selectWithAttributes(Element root, Evaluator query, Predicate<Element> hint) {
    PageElements open = forRoot(root);
    if (open == null || root != open.doc) {
      return root.select(query);
    }
    if (open.attributed == null) {
      open.attributed = new ArrayList<>();
      for (Element el : open.all) {
        if (el.attributesSize() > 0) {
          open.attributed.add(el);
        }
      }
    }
    List<Element> candidates = open.attributed;
    if (hint != null) {
      candidates = open.hinted.computeIfAbsent(hint, h -> {
        List<Element> held = new ArrayList<>();
        for (Element el : open.attributed) {
          if (h.test(el)) {
            held.add(el);
          }
        }
        return held;
      });
    }
    return matching(root, query, candidates);
  }

  /** What {@code root.selectFirst(query)} gives. */
  static Element selectFirst(Element root, Evaluator query) {
    PageElements open = forRoot(root);
    if (open == null) {
      return root.selectFirst(query);
    }
    for (Element el : open.range(root)) {
      if (query.matches(root, el)) {
        return el;
      }
    }
    return null;
  }

  /** The list open on this thread when it covers {@code root} (its document or its body), else null. */
  private static PageElements forRoot(Element root) {
    PageElements open = OPEN.get();
    if (open == null || root == null) {
      return null;
    }
    return root == open.doc || root == open.body && open.bodyTo >= 0 ? open : null;
  }

  /** Root and every element under it: all of the list, or the body's part of it. */
  private List<Element> range(Element root) {
    return root == doc ? all : all.subList(bodyFrom, bodyTo);
  }

  private static Elements matching(Element root, Evaluator query, List<Element> candidates) {
    Elements out = new Elements();
    for (Element el : candidates) {
      if (query.matches(root, el)) {
        out.add(el);
      }
    }
    return out;
  }
}
