package news.pipeline.app.clean;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text measures of every element under a root, computed in one post-order pass: the length of
 * {@link Element#text()}, the text length inside links, the commas, and the prose length (text
 * in paragraphs of 60+ characters). Asking each element for its {@code text()} costs the
 * size of its subtree, so doing it for every element (or every ancestor of every paragraph) was
 * quadratic over the tree; here each node is visited once.
 *
 * <p>The lengths equal {@code el.text().length()} exactly: the pass replays jsoup's text
 * accumulation (whitespace collapsed across nodes, a space at block boundaries and {@code <br>},
 * preformatted text kept as is, the result trimmed) as a composition of per-node summaries. The
 * index describes the tree as it was when built; build a new one after removing elements.
 *
 * <pre>{@code
 * TextIndex index = TextIndex.of(body);
 * index.textLength(el) == el.text().length();
 * }</pre>
 */
final class TextIndex {

  /** The length from which a paragraph counts as prose. */
  static final int PROSE_MIN = 60;

  // the accumulated text so far: nothing yet, ends in a space, ends in anything else
  private static final int EMPTY = 0;
  private static final int SPACE = 1;
  private static final int OTHER = 2;

  private final Map<Element, Stats> stats;
  private final boolean rootOnly;

  private TextIndex(boolean rootOnly) {
    this.rootOnly = rootOnly;
    this.stats = rootOnly ? new IdentityHashMap<>(4) : new IdentityHashMap<>(4096);
  }

  /** Indexes {@code root} and every element below it. */
  static TextIndex of(Element root) {
    TextIndex index = new TextIndex(false);
    NodeTraversor.traverse(index.new Builder(root), root);
    return index;
  }

  /** The same measures for {@code root} alone (one pass, nothing kept for the elements below). */
  static TextIndex ofRoot(Element root) {
    TextIndex index = new TextIndex(true);
    NodeTraversor.traverse(index.new Builder(root), root);
    return index;
  }

  /** {@code el.text().length()}. */
  int textLength(Element el) {
    return stats(el).text;
  }

  /** The summed text length of the links in and including {@code el}. */
  int linkTextLength(Element el) {
    return stats(el).links;
  }

  /** {@link TextStats#commas} of {@code el.text()}. */
  int commas(Element el) {
    return stats(el).commas;
  }

  /** Share of the element's text inside links (0 when it has no text). */
  double linkDensity(Element el) {
    Stats s = stats(el);
    return s.text == 0 ? 0 : Math.min(1.0, (double) s.links / s.text);
  }

  /**
   * Characters of text in {@code p, pre, blockquote, li} elements of 60+ characters that hold
   * at most one {@code p} or {@code li} (themselves included).
   */
  int proseLength(Element el) {
    return stats(el).prose;
  }

  private Stats stats(Element el) {
    Stats s = stats.get(el);
    if (s == null) {
      throw new IllegalArgumentException("element not under the indexed root: " + el.normalName());
    }
    return s;
  }

  private static final class Stats {
    int text;
    int links;
    int commas;
    int prose;
    int proseItems;
  }

  /**
   * The text an element adds, as a function of the state of the text before it: for each of the
   * three states, the characters added, the run of characters up to a space at the start and
   * at the end (what {@link String#trim()} removes), and the state after.
   */
  private static final class Acc {
    final int[] len = new int[3];
    final int[] lead = new int[3];
    final int[] trail = new int[3];
    final boolean[] allLow = new boolean[3];
    final int[] out = new int[3];
    final Stats stats = new Stats();

    /** Starts an element: a space before a block or {@code <br>} after other text. */
    void reset(boolean spaceBefore) {
      for (int s = 0; s < 3; s++) {
        boolean space = spaceBefore && s == OTHER;
        len[s] = space ? 1 : 0;
        lead[s] = len[s];
        trail[s] = len[s];
        allLow[s] = true;
        out[s] = space ? SPACE : s;
      }
    }

    /** Appends a segment given for each state the text can be in before it. */
    void append(Segment whenEmptyOrOther, Segment whenSpace) {
      for (int s = 0; s < 3; s++) {
        Segment b = out[s] == SPACE ? whenSpace : whenEmptyOrOther;
        if (b.len == 0) {
          continue;
        }
        lead[s] = allLow[s] ? len[s] + b.lead : lead[s];
        trail[s] = b.allLow ? trail[s] + b.len : b.trail;
        allLow[s] = allLow[s] && b.allLow;
        len[s] += b.len;
        out[s] = b.endsInSpace ? SPACE : OTHER;
      }
    }

    /** Appends what {@code child} added, for each state before it. */
    void append(Acc child) {
      for (int s = 0; s < 3; s++) {
        int c = out[s];
        if (child.len[c] == 0) {
          continue;
        }
        lead[s] = allLow[s] ? len[s] + child.lead[c] : lead[s];
        trail[s] = child.allLow[c] ? trail[s] + child.len[c] : child.trail[c];
        allLow[s] = allLow[s] && child.allLow[c];
        len[s] += child.len[c];
        out[s] = child.out[c];
      }
    }

    /** The trimmed length of the element's own text, which starts with nothing before it. */
    int trimmedLength() {
      return allLow[EMPTY] ? 0 : len[EMPTY] - lead[EMPTY] - trail[EMPTY];
    }
  }

  /**
   * A run of output characters; {@code spaceFirst} when it starts with a space that stands for
   * leading whitespace, which jsoup drops after text that ends in a space.
   */
  private record Segment(int len, int lead, int trail, boolean allLow, boolean endsInSpace,
      boolean spaceFirst) {
    static final Segment NONE = new Segment(0, 0, 0, true, false, false);
    static final Segment ONE_SPACE = new Segment(1, 1, 1, true, true, false);

    Segment withoutLeadingSpace() {
      if (!spaceFirst) {
        return this;
      }
      return len == 1 ? NONE
          : new Segment(len - 1, lead - 1, allLow ? len - 1 : trail, allLow, endsInSpace, false);
    }
  }

  private final class Builder implements NodeVisitor {
    private final Element root;
    private final List<Acc> stack = new ArrayList<>();

    Builder(Element root) {
      this.root = root;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode t) {
        if (depth > 0) {
          Segment plain = textSegment(t);
          Segment stripped = plain.withoutLeadingSpace();
          Acc acc = stack.get(depth - 1);
          acc.append(plain, stripped);
          acc.stats.commas += TextStats.commas(t.getWholeText());
        }
      } else if (node instanceof Element el) {
        while (stack.size() <= depth) {
          stack.add(new Acc());
        }
        Acc acc = stack.get(depth);
        acc.reset(el.isBlock() || el.normalName().equals("br"));
        acc.stats.commas = 0;
        acc.stats.links = 0;
        acc.stats.prose = 0;
        acc.stats.proseItems = 0;
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node instanceof Element el)) {
        return;
      }
      Acc acc = stack.get(depth);
      Stats s = new Stats();
      String tag = el.normalName();
      s.text = acc.trimmedLength();
      s.commas = acc.stats.commas;
      s.links = acc.stats.links + (tag.equals("a") ? s.text : 0);
      s.proseItems = acc.stats.proseItems + (tag.equals("p") || tag.equals("li") ? 1 : 0);
      boolean proseTag = tag.equals("p") || tag.equals("pre") || tag.equals("blockquote")
          || tag.equals("li");
      s.prose = acc.stats.prose
          + (proseTag && s.text >= PROSE_MIN && s.proseItems <= 1 ? s.text : 0);
      if (!rootOnly || el == root) {
        stats.put(el, s);
      }
      if (el == root || depth == 0) {
        return;
      }
      Acc parent = stack.get(depth - 1);
      parent.append(acc);
      // a block followed by inline content is set apart from it by a space
      Node next = el.nextSibling();
      if (el.tag().isBlock() && (next instanceof TextNode
          || next instanceof Element n && !n.tag().isBlock())) {
        parent.append(Segment.ONE_SPACE, Segment.NONE);
      }
      parent.stats.commas += s.commas;
      parent.stats.links += s.links;
      parent.stats.prose += s.prose;
      parent.stats.proseItems += s.proseItems;
    }
  }

  /** What jsoup appends for a text node after text that does not end in a space. */
  private static Segment textSegment(TextNode t) {
    String text = t.getWholeText();
    boolean raw = preserveWhitespace(t.parent()) || t instanceof CDataNode;
    int len = 0;
    int lead = 0;
    int trail = 0;
    boolean allLow = true;
    char last = 0;
    boolean lastWasWhite = false;
    boolean spaceFirst = false;
    for (int i = 0; i < text.length(); ) {
      int cp = raw ? text.charAt(i) : text.codePointAt(i);
      i += raw ? 1 : Character.charCount(cp);
      char c;
      if (raw) {
        c = (char) cp;
      } else if (isActuallyWhitespace(cp)) {
        if (lastWasWhite) {
          continue;
        }
        c = ' ';
        lastWasWhite = true;
        spaceFirst |= len == 0;
      } else if (cp == 8203 || cp == 173) {
        continue; // invisible: dropped, and the whitespace state stays as it was
      } else {
        lastWasWhite = false;
        if (Character.isSupplementaryCodePoint(cp)) {
          // two surrogates, both above the space
          len += 2;
          allLow = false;
          trail = 0;
          last = Character.lowSurrogate(cp);
          continue;
        }
        c = (char) cp;
      }
      len++;
      if (c <= ' ') {
        trail++;
        if (allLow) {
          lead++;
        }
      } else {
        trail = 0;
        allLow = false;
      }
      last = c;
    }
    return len == 0 ? Segment.NONE
        : new Segment(len, lead, trail, allLow, last == ' ', spaceFirst);
  }

  private static boolean isActuallyWhitespace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 160;
  }

  /** Whether a {@code pre}-like tag within six levels up keeps the whitespace as written. */
  private static boolean preserveWhitespace(Element el) {
    for (int i = 0; i < 6 && el != null; i++) {
      if (el.tag().preserveWhitespace()) {
        return true;
      }
      el = el.parent();
    }
    return false;
  }
}
