package news.pipeline.app.parse;

import java.util.Locale;
import java.util.Set;

/**
 * A quick look at an HTML page's shape before any DOM is built: how many elements it has and how
 * deep its elements nest. One linear pass over the text; script, style and comment contents are
 * skipped.
 *
 * <p>Depth counts start tags minus end tags of elements that need an end tag; void elements
 * ({@code <br>}, {@code <img>}) and elements whose end tag is optional ({@code <p>}, {@code <li>},
 * {@code <td>}) are left out, because a parser closes them by itself. That is close to the depth
 * a parser gives: a page of 100,000 unclosed {@code <div>}s nests 100,000 deep in jsoup too.
 *
 * <pre>{@code
 * HtmlShape shape = HtmlShape.of("<div><div><p>text</div></div>"); // depth 2, 3 elements
 * }</pre>
 */
public record HtmlShape(int elements, int maxDepth) {

  private static final Set<String> NO_END_TAG =
      Set.of(
          "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
          "track", "wbr", "keygen", "command", "basefont", "frame", "isindex",
          // end tag optional: the parser closes them
          "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
          "colgroup", "rb", "rt", "rtc", "rp", "html", "head", "body");

  private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp", "noscript");

  /** Scans a page; never throws. */
  public static HtmlShape of(String html) {
    int elements = 0;
    int depth = 0;
    int maxDepth = 0;
    int n = html.length();
    int i = html.indexOf('<');
    while (i >= 0 && i < n - 1) {
      if (html.startsWith("<!--", i)) {
        int end = html.indexOf("-->", i + 4);
        i = end < 0 ? -1 : html.indexOf('<', end + 3);
        continue;
      }
      boolean closing = html.charAt(i + 1) == '/';
      int nameStart = closing ? i + 2 : i + 1;
      int nameEnd = nameStart;
      while (nameEnd < n && isNameChar(html.charAt(nameEnd))) {
        nameEnd++;
      }
      if (nameEnd == nameStart || !Character.isLetter(html.charAt(nameStart))) {
        i = html.indexOf('<', i + 1);
        continue;
      }
      String name = html.substring(nameStart, Math.min(nameEnd, nameStart + 16)).toLowerCase(Locale.ROOT);
      int tagEnd = html.indexOf('>', nameEnd);
      if (tagEnd < 0) {
        break;
      }
      boolean selfClosing = html.charAt(tagEnd - 1) == '/';
      if (closing) {
        if (!NO_END_TAG.contains(name) && depth > 0) {
          depth--;
        }
      } else {
        elements++;
        if (RAW_TEXT.contains(name)) {
          int close = indexOfIgnoreCase(html, "</" + name, tagEnd + 1);
          i = close < 0 ? -1 : html.indexOf('<', close + 2);
          continue;
        }
        if (!selfClosing && !NO_END_TAG.contains(name)) {
          depth++;
          maxDepth = Math.max(maxDepth, depth);
        }
      }
      i = html.indexOf('<', tagEnd + 1);
    }
    return new HtmlShape(elements, maxDepth);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '_';
  }

  /**
   * The first {@code </name} at or after {@code from}, in any case. Only a {@code '<'} can start a
   * match (no other character is {@code '<'} in any case), so the scan jumps from one {@code '<'}
   * to the next with {@link String#indexOf(int, int)} instead of comparing at every position of a
   * script that may be hundreds of kilobytes long.
   */
  static int indexOfIgnoreCase(String text, String needle, int from) {
    int max = text.length() - needle.length();
    for (int i = text.indexOf('<', Math.max(0, from)); i >= 0 && i <= max; i = text.indexOf('<', i + 1)) {
      if (text.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }
}
