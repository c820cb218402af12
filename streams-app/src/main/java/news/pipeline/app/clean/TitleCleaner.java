package news.pipeline.app.clean;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Strips site names from page titles: "Headline | Site", "Site - Headline", "Headline — Site".
 * When the site name is known, the part that matches it goes; otherwise the longest part of a
 * title split on a separator wins if the other parts are short.
 *
 * <p>{@code TitleCleaner.clean("Amazon halts police use | KUOW News", "KUOW")} gives
 * {@code Amazon halts police use}.
 */
public final class TitleCleaner {

  private static final Pattern ENTITY =
      Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final String SEPARATORS = "\\s+[|\\-–—:·•»/]\\s+|\\s*[|»·•]\\s*";

  private TitleCleaner() {}

  /**
   * The headline part of {@code title}; {@code siteName} may be null. A site name printed twice
   * ("Headline – Site - Site") goes twice.
   */
  public static String clean(String title, String siteName) {
    String once = cleanOnce(title, siteName);
    if (once == null || siteName == null || once.equals(title == null ? null : title.strip())) {
      return once;
    }
    // "Headline | Section" left once the site has gone: the short part after the bar is a label
    String[] bars = once.split("\\s+\\|\\s+");
    if (bars.length == 2 && TextStats.words(bars[1]) <= 4 && TextStats.words(bars[0]) >= 4) {
      return bars[0].strip();
    }
    String twice = cleanOnce(once, siteName);
    String[] parts = parts(once);
    // only when the site is still the last or first part: never cut the headline itself
    boolean siteLeft = parts.length > 1 && (similar(norm(parts[parts.length - 1]), norm(siteName))
        || similar(norm(parts[0]), norm(siteName)));
    return siteLeft && twice != null ? twice : once;
  }

  private static String cleanOnce(String title, String siteName) {
    if (title == null) {
      return null;
    }
    String t = title.replaceAll("\\s+", " ").strip();
    if (t.isEmpty()) {
      return null;
    }
    t = withoutDomainPrefix(t, siteName);
    String[] parts = t.split(SEPARATORS);
    if (parts.length < 2) {
      return t;
    }
    String site = siteName == null ? "" : norm(siteName);
    String best = null;
    if (!site.isEmpty()) {
      String first = norm(parts[0]);
      String last = norm(parts[parts.length - 1]);
      if (similar(last, site)) {
        best = t.substring(0, t.lastIndexOf(parts[parts.length - 1])).replaceAll("(" + SEPARATORS + ")$", "");
        best = stripTrailingSeparator(best);
      } else if (similar(first, site)) {
        best = t.substring(parts[0].length()).replaceFirst("^(" + SEPARATORS + ")", "").strip();
      }
    }
    if (best == null) {
      best = longestIfOthersShort(parts, t);
    }
    return best.isBlank() ? t : best.strip();
  }

  /**
   * "example.com Headline" without the domain when the site is known by that domain only (no
   * site name tag): a domain is never part of a headline's first words.
   */
  private static String withoutDomainPrefix(String t, String siteName) {
    if (siteName == null || !siteName.matches("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
      return t;
    }
    String prefix = siteName + " ";
    if (t.regionMatches(true, 0, prefix, 0, prefix.length())
        && t.substring(prefix.length()).split(" ").length >= 2) {
      return t.substring(prefix.length()).strip();
    }
    return t;
  }

  /** The parts of a title split on its separators; empty for null. */
  static String[] parts(String title) {
    return title == null ? new String[0] : title.replaceAll("\\s+", " ").strip().split(SEPARATORS);
  }

  /** Whether a headline candidate and the page title say the same thing. */
  static boolean sameHeadline(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    String x = norm(a);
    String y = norm(b);
    return !x.isEmpty() && (x.equals(y) || (x.length() > 15 && y.contains(x)) || (y.length() > 15 && x.contains(y)));
  }

  /**
   * Whether {@code longer} is {@code shorter} with only numbers added before or after it ("8
   * Recent Trends in Photography" and "Recent Trends in Photography", "15 Best Platforms 2025"
   * and "15 Best Platforms"): case and punctuation ignored.
   */
  static boolean addsOnlyNumbers(String longer, String shorter) {
    String l = " " + norm(longer) + " ";
    String sh = norm(shorter);
    int at = l.indexOf(" " + sh + " ");
    if (sh.isEmpty() || at < 0 || l.strip().equals(sh)) {
      return false;
    }
    String extra = (l.substring(0, at) + " " + l.substring(at + sh.length() + 2)).strip();
    return extra.matches("\\d+( \\d+)*");
  }

  /**
   * Whether {@code printed} is {@code title} with some characters replaced by "?" inside it, as a
   * conversion to a charset without them leaves text ("Planning? Beginner? Guide" for "Planning:
   * Beginner's Guide"); each "?" stands for one to three characters. A final "?" is punctuation.
   */
  static boolean lostCharacters(String printed, String title) {
    int q = printed.indexOf('?');
    if (q < 0 || q == printed.length() - 1 || printed.equals(title)) {
      return false;
    }
    StringBuilder regex = new StringBuilder();
    String[] parts = printed.split("\\?", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(i == parts.length - 1 && parts[i].isEmpty() ? "\\??" : ".{1,3}");
      }
      regex.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(title).matches();
  }

  /** Entities left in text by a double escape ("SQL &amp;#x26; AI" shown as "SQL &#x26; AI"). */
  static String unescaped(String text) {
    return text.indexOf('&') >= 0 && ENTITY.matcher(text).find()
        ? Parser.unescapeEntities(text, false) : text;
  }

  /**
   * Whether {@code heading} quotes {@code title} inside other words ("15 Replies to “Title”",
   * "Comments on Title:"): a heading about the article, not its headline.
   */
  static boolean quotes(String heading, String title) {
    int at = heading.indexOf(title);
    if (at <= 0 || at + title.length() >= heading.length()) {
      return false;
    }
    String before = heading.substring(0, at).strip();
    return before.matches(".*[\"“‘'«„]$") || before.matches("(?i).*\\b(replies|comments?|responses?) (to|on)$");
  }

  /**
   * The visible headline without what pages print around it: when {@code headline} is {@code
   * title} plus a date ("Dec 18 2025 Preparing a transition"), a short label ("Blog: ...") or a
   * short section or site after a separator ("... | Opinion"), the plain {@code title}; else the
   * headline unchanged.
   */
  static String withoutDecoration(String headline, String title) {
    int at = headline.indexOf(title);
    if (at < 0 || headline.length() == title.length()) {
      return headline;
    }
    String before = headline.substring(0, at).strip();
    String after = headline.substring(at + title.length()).strip();
    if (!before.isEmpty() && !after.isEmpty()) {
      return headline;
    }
    String extra = before.isEmpty() ? after : before;
    boolean date = DateParser.parseTextOffset(extra).isPresent() && extra.length() <= 24;
    boolean label = !before.isEmpty() && extra.matches("[\\p{L}\\p{N}]+(\\s[\\p{L}\\p{N}]+)?\\s?:");
    // "Headline (example.com)": the source a link aggregator names after a story, and what follows
    boolean source = !after.isEmpty()
        && after.matches("\\((?:www\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}\\)(\\s.{0,20})?");
    boolean section = !after.isEmpty()
        && extra.matches("(?:\\s*[|\\-–—/·•]\\s*\\S+(\\s+\\S+){0,3}){1,3}");
    return date || label || section || source ? title : headline;
  }

  private static String longestIfOthersShort(String[] parts, String whole) {
    int longest = 0;
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].length() > parts[longest].length()) {
        longest = i;
      }
    }
    String main = parts[longest];
    int mainWords = main.split(" ").length;
    for (int i = 0; i < parts.length; i++) {
      // a headline with its own colon ("Review: X") stays whole: only strip short site-like parts
      if (i != longest && parts[i].split(" ").length > Math.min(4, mainWords)) {
        return whole;
      }
    }
    // only the first or last part may be the site; anything else is part of the headline
    if (longest != 0 && longest != parts.length - 1) {
      return whole;
    }
    if (mainWords < 3) {
      return whole;
    }
    if (longest == 0) {
      // "Headline | Section | Site": the short parts after the headline are all labels
      return main;
    }
    return whole.substring(whole.indexOf(main));
  }

  private static String stripTrailingSeparator(String s) {
    return s.replaceAll("(\\s*[|\\-–—:·•»/]\\s*)+$", "").strip();
  }

  private static boolean similar(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    String x = a.replace(" ", "");
    String y = b.replace(" ", "");
    return x.equals(y) || x.contains(y) || y.contains(x);
  }

  static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "").replaceAll("\\s+", " ").strip();
  }
}
