package news.pipeline.app.clean;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the element that holds the article: every paragraph-like block scores by its length and
 * commas, passes the score up to its ancestors (less with each level), and the ancestor with the
 * best score after discounting its link density wins. Siblings that score well too (split
 * article bodies) are returned with it, in document order.
 */
final class CandidateScorer {

  private static final int MIN_PARAGRAPH = 25;
  private static final int ANCESTOR_LEVELS = 5;
  private static final double LINK_PENALTY = 1.0;
  private static final double OTHER_PENALTY = 0.5;
  private static final Pattern ENDS_LIKE_SENTENCE = Pattern.compile("(?s).*[.!?\"”]$");

  // insertion (document) order, so ties between equal scores break the same way in every run; an
  // IdentityHashMap iterated in identity-hash order, which made the chosen container (and so the
  // clean text) differ between runs on a few pages. jsoup nodes compare by identity.
  private final Map<Element, Double> scores = new LinkedHashMap<>();
  private final TextIndex index;

  /** A scorer for the tree {@code index} was built on. */
  CandidateScorer(TextIndex index) {
    this.index = index;
  }

  /** The blocks to render, in document order; empty if the page has no prose at all. */
  List<Element> select(Element body) {
    for (Element block : paragraphBlocks(body)) {
      int length = index.textLength(block);
      if (length < MIN_PARAGRAPH) {
        continue;
      }
      double score = 1 + index.commas(block) + Math.min(length / 100, 3);
      Element ancestor = block.parent();
      for (int level = 0; ancestor != null && level < ANCESTOR_LEVELS; level++) {
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        Double old = scores.get(ancestor);
        // the initial score (tag and class names) only the first time an element is reached
        scores.put(ancestor, (old == null ? initialScore(ancestor) : old) + score / divider);
        if (ancestor == body) {
          break;
        }
        ancestor = ancestor.parent();
      }
    }
    Element top = null;
    double best = 0;
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      double s = e.getValue() * (1 - index.linkDensity(e.getKey()));
      scores.put(e.getKey(), s);
      if (s > best) {
        best = s;
        top = e.getKey();
      }
    }
    if (top == null) {
      return List.of(body);
    }
    top = climbSingleChildWrappers(top, body);
    top = widenToSpreadOutProse(top, body);
    return withSiblings(top, best);
  }

  /** Paragraphs and divs that hold text directly (many sites write prose in bare divs). */
  private static List<Element> paragraphBlocks(Element body) {
    List<Element> blocks = new ArrayList<>();
    for (Element el : body.getAllElements()) {
      String tag = el.normalName();
      if (tag.equals("p") || tag.equals("pre") || tag.equals("td") || tag.equals("blockquote")
          || tag.equals("li") && el.parent() != null && el.children().isEmpty()) {
        blocks.add(el);
      } else if ((tag.equals("div") || tag.equals("section") || tag.equals("span"))
          && ownTextLength(el) >= MIN_PARAGRAPH) {
        blocks.add(el);
      }
    }
    return blocks;
  }

  private static int ownTextLength(Element el) {
    int n = 0;
    for (Node child : el.childNodes()) {
      if (child instanceof TextNode t) {
        n += t.text().strip().length();
      }
    }
    return n;
  }

  private static double initialScore(Element el) {
    double s = switch (el.normalName()) {
      case "div", "article", "main", "section" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    return s + BoilerplateSignals.classWeight(el);
  }

  /** A wrapper whose only child is the candidate describes the same content; prefer it. */
  private static Element climbSingleChildWrappers(Element top, Element body) {
    Element current = top;
    while (current.parent() != null && current != body && current.parent() != body
        && current.parent().children().size() == 1) {
      current = current.parent();
    }
    return current;
  }

  /**
   * Articles split into sections (one wrapper per list item or block) leave the best-scoring
   * element holding only part of the prose. Among the candidate and its ancestors, take the one
   * with the most prose net of link text and other short text.
   */
  private Element widenToSpreadOutProse(Element top, Element body) {
    Element best = top;
    double bestValue = netProse(top);
    for (Element a = top.parent(); a != null; a = a.parent()) {
      double value = netProse(a);
      if (value > bestValue) {
        best = a;
        bestValue = value;
      }
      if (a == body) {
        break;
      }
    }
    return best;
  }

  private double netProse(Element el) {
    int prose = index.proseLength(el);
    int all = index.textLength(el);
    int links = index.linkTextLength(el);
    return prose - LINK_PENALTY * links - OTHER_PENALTY * Math.max(0, all - prose - links);
  }

  private List<Element> withSiblings(Element top, double topScore) {
    Element parent = top.parent();
    if (parent == null) {
      return List.of(top);
    }
    double threshold = Math.max(10, topScore * 0.2);
    List<Element> chosen = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        chosen.add(sibling);
        continue;
      }
      double bonus = !top.className().isEmpty() && top.className().equals(sibling.className())
          ? topScore * 0.2 : 0;
      Double s = scores.get(sibling);
      if (s != null && s + bonus >= threshold) {
        chosen.add(sibling);
      } else if (sibling.normalName().equals("p")) {
        int length = index.textLength(sibling);
        double ld = index.linkDensity(sibling);
        if (length > 80 && ld < 0.25
            || length > 0 && ld == 0 && ENDS_LIKE_SENTENCE.matcher(sibling.text()).matches()) {
          chosen.add(sibling);
        }
      }
    }
    return chosen;
  }
}
