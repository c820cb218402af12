package news.pipeline.app.enrich;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps implausible values out of candidates: URLs that are not web addresses ({@code
 * javascript:}, {@code data:}, malformed, absurdly long), dates no news article can have, and
 * titles too long to be headlines. Each rule drops or trims a field; none rejects the document.
 *
 * <pre>{@code
 * Sanity.webUrls(List.of("javascript:alert(1)", "https://example.com/a")); // [https://example.com/a]
 * }</pre>
 */
public final class Sanity {

  /** No news article on the web was published before this. */
  public static final Instant EARLIEST_DATE = Instant.parse("1900-01-01T00:00:00Z");

  /** A publication date may lie this far after the fetch time (time zones, clock skew), no more. */
  public static final Duration DATE_SKEW = Duration.ofDays(1);

  /** Longer URLs are not kept (browsers and servers stop near this length). */
  public static final int MAX_URL_CHARS = 2048;

  /** http or https, then a host of letters, digits, dots, dashes (an IPv6 literal in brackets), an optional port. */
  private static final Pattern WEB_URL =
      Pattern.compile("(?i)https?://([\\p{L}\\p{N}._~%-]+|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?([/?#]|$)");

  private static final Pattern BIDI_OVERRIDES = Pattern.compile("[\u202A-\u202E]");

  private Sanity() {}

  /**
   * The http and https URLs with a host, in order; everything else is dropped. Lenient about the
   * rest of the URL (crawled URLs often carry unencoded characters that strict parsers refuse).
   */
  public static List<String> webUrls(List<String> urls) {
    List<String> kept = new ArrayList<>();
    for (String url : urls) {
      if (url == null) {
        continue;
      }
      String u = url.strip();
      if (u.length() > MAX_URL_CHARS || u.chars().anyMatch(c -> c < 0x20 || c == 0x7F || c == ' ')) {
        continue;
      }
      if (WEB_URL.matcher(u).lookingAt()) {
        kept.add(u);
      }
    }
    return kept;
  }

  /** The date, or null when it is before 1900 or more than a day after the fetch. */
  public static Instant date(Instant date, Instant fetchedAt) {
    if (date == null || date.isBefore(EARLIEST_DATE)) {
      return null;
    }
    if (fetchedAt != null && date.isAfter(fetchedAt.plus(DATE_SKEW))) {
      return null;
    }
    return date;
  }

  /**
   * The title with surrounding space removed, cut at the last word boundary within {@code
   * maxChars} (with an ellipsis) when longer, without bidi override characters; null when blank.
   */
  public static String title(String title, int maxChars) {
    if (title == null || title.isBlank()) {
      return null;
    }
    // bidi embeddings and overrides (U+202A..U+202E) can make a title read differently from what
    // it says ("Invoice \u202Efdp.exe"); right-to-left text needs none of them
    String t = BIDI_OVERRIDES.matcher(title).replaceAll("").strip();
    if (t.isEmpty()) {
      return null;
    }
    if (t.length() <= maxChars) {
      return t;
    }
    int cut = maxChars - 1;
    if (Character.isLowSurrogate(t.charAt(cut))) {
      cut--;
    }
    int space = t.lastIndexOf(' ', cut);
    if (space > maxChars / 2) {
      cut = space;
    }
    return t.substring(0, cut).strip() + "…";
  }
}
