package news.pipeline.app.dedup.similarity;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the HTML character references that survive into titles taken from feeds and metadata
 * ({@code &amp;}, {@code &#8217;}, {@code &rsquo;}). Unknown names are left as written.
 */
final class HtmlEntities {

  private static final Pattern REFERENCE =
      Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));");

  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("amp", "&"), Map.entry("quot", "\""), Map.entry("apos", "'"),
          Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("nbsp", " "),
          Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
          Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"),
          Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"),
          Map.entry("hellip", "\u2026"), Map.entry("middot", "\u00B7"),
          Map.entry("bull", "\u2022"), Map.entry("laquo", "\u00AB"), Map.entry("raquo", "\u00BB"));

  private HtmlEntities() {}

  static String decode(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    Matcher matcher = REFERENCE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement(matcher)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String replacement(Matcher m) {
    int codePoint = -1;
    if (m.group(1) != null) {
      codePoint = Integer.parseInt(m.group(1));
    } else if (m.group(2) != null) {
      codePoint = Integer.parseInt(m.group(2), 16);
    } else {
      return NAMED.getOrDefault(m.group(3).toLowerCase(Locale.ROOT), m.group());
    }
    return Character.isValidCodePoint(codePoint) && codePoint != 0
        ? new String(Character.toChars(codePoint))
        : m.group();
  }
}
