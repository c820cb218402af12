package news.pipeline.app.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Renders the chosen content elements as paragraphs in document order: one paragraph per block
 * (paragraph, heading, list item, quote, table row), skipping link lists, the repeated headline
 * and one-line boilerplate ("Advertisement", "Read more", sign-up prompts).
 */
final class TextRenderer {

  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
      "ol", "li", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "dl", "dt", "dd",
      "figure", "hr", "address", "details", "summary", "center", "fieldset", "caption", "form");
  private static final Set<String> LINK_LIST_CANDIDATES =
      Set.of("ul", "ol", "div", "section", "table", "dl", "p", "header");
  private static final Pattern ONE_LINE_BOILERPLATE = Pattern.compile(
      "(?i)^(advertisement|advert|sponsored|ad|share( this)?( article| story| post)?|"
          + "read more|continue reading|read (the )?full (story|article)|related( articles| stories| posts)?|"
          + "see also|more from .{0,30}|follow us.{0,40}|subscribe.{0,60}|sign up.{0,80}|"
          + ".{0,60}newsletter.{0,60}|click here to .{0,60}|(image|photo|picture)( credit)?: .{0,80}|"
          + "getty images|©.{0,100}|copyright .{0,100}|tags?:.{0,200}|filed under.{0,100}|"
          + "back to top|print( this)?( article| page)?|email|comments?|leave a (comment|reply)|"
          + "(\\d+ )?min(ute)?s? read|share on .{0,20}|skip to .{0,30})$");

  private static final Pattern HEADING = Pattern.compile("h[1-6]");

  private final String title;
  private final TextIndex index;
  private final List<String> paragraphs = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private final Set<String> seen = new HashSet<>();

  /** A renderer for elements of the tree {@code index} was built on. */
  TextRenderer(String title, TextIndex index) {
    this.title = title;
    this.index = index;
  }

  /** The paragraphs of the given elements, boilerplate lines removed. */
  List<String> render(List<Element> elements) {
    for (Element el : elements) {
      renderNode(el, el.closest("pre") != null);
      flush();
    }
    return paragraphs;
  }

  /** Renders a node; {@code inPre} tells whether the node is or sits in a {@code pre}. */
  private void renderNode(Node node, boolean inPre) {
    if (node instanceof TextNode t) {
      // source line breaks are just whitespace, except in preformatted text
      current.append(inPre ? t.getWholeText() : t.getWholeText().replace('\n', ' '));
      return;
    }
    if (!(node instanceof Element el)) {
      return;
    }
    String tag = el.normalName();
    if (tag.equals("br")) {
      current.append('\n');
      return;
    }
    boolean block = BLOCKS.contains(tag);
    if (block && skip(el)) {
      return;
    }
    if (block) {
      flush();
    } else if (tag.equals("td") || tag.equals("th")) {
      current.append(' ');
    }
    boolean childrenInPre = inPre || tag.equals("pre");
    for (Node child : el.childNodes()) {
      renderNode(child, childrenInPre);
    }
    if (block) {
      flush();
    }
  }

  private boolean skip(Element el) {
    String tag = el.normalName();
    if (paragraphs.size() < 3 && title != null && HEADING.matcher(tag).matches()
        && TitleCleaner.sameHeadline(el.text(), title)) {
      return true;
    }
    if (LINK_LIST_CANDIDATES.contains(tag)) {
      int length = index.textLength(el);
      if (length == 0) {
        return false;
      }
      double ld = index.linkDensity(el);
      if (ld > 0.5) {
        return true;
      }
      if ((tag.equals("ul") || tag.equals("ol")) && ld > 0.3) {
        int items = Math.max(1, el.children().size());
        return length / items < 60;
      }
    }
    return false;
  }

  private void flush() {
    if (current.length() == 0) {
      return;
    }
    for (String line : current.toString().split("\n")) {
      String p = collapseWhitespace(line).strip();
      // pages often carry the same block twice (mobile and desktop copies, tabs): keep one
      boolean repeat = p.length() > 30 ? !seen.add(p)
          : !paragraphs.isEmpty() && paragraphs.get(paragraphs.size() - 1).equals(p);
      if (!p.isEmpty() && !isBoilerplateLine(p) && !repeat) {
        paragraphs.add(p);
      }
    }
    current.setLength(0);
  }

  /** No-break spaces to spaces, then each run of ASCII whitespace (regex {@code \s+}) to one. */
  private static String collapseWhitespace(String line) {
    StringBuilder sb = new StringBuilder(line.length());
    boolean inRun = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean white = c == ' ' || c == '\u00a0' || c == '\t' || c == '\n' || c == '\u000B'
          || c == '\f' || c == '\r';
      if (!white) {
        sb.append(c);
      } else if (!inRun) {
        sb.append(' ');
      }
      inRun = white;
    }
    return sb.toString();
  }

  static boolean isBoilerplateLine(String p) {
    return p.length() <= 160 && ONE_LINE_BOILERPLATE.matcher(p).matches();
  }
}
