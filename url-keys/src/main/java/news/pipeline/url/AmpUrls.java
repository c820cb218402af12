package news.pipeline.url;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes the addresses under which AMP publishes an article: AMP caches and the Google AMP
 * viewer (unwrapped to the origin URL) and the query markers that only select the AMP rendering.
 * The AMP path forms ({@code /amp/}, {@code .amp}) are folded by {@link PathRules}.
 */
final class AmpUrls {

  /**
   * An AMP cache URL: {@code https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a}.
   * The letter after the first slash is the content type (c = document, v = viewer, i = image,
   * r = resource); {@code s/} means the origin is https, its absence http. Bing runs a cache with
   * the same layout.
   */
  private static final Pattern CACHE =
      Pattern.compile(
          "^https?://(?:[a-z0-9-]+\\.)?(?:cdn\\.ampproject\\.org|bing-amp\\.com)"
              + "/[cvir]/(s/)?([^/?#]+.*)$",
          Pattern.CASE_INSENSITIVE);

  /** The Google AMP viewer: {@code https://www.google.com/amp/s/www.example.com/a}. */
  private static final Pattern GOOGLE_VIEWER =
      Pattern.compile(
          "^https?://(?:www\\.)?google\\.[a-z]{2,3}(?:\\.[a-z]{2})?/amp/(s/)?([^/?#]+.*)$",
          Pattern.CASE_INSENSITIVE);

  /** Parameters added by AMP caches and viewers, never by the publisher. */
  private static final Set<String> CACHE_PARAMETERS =
      Set.of("usqp", "aoh", "ampshare", "__amp_source_origin", "amp_js_v", "amp_gsa", "amp_tf");

  /** Values that switch a publisher's page to its AMP rendering ({@code ?amp}, {@code ?amp=1}). */
  private static final Set<String> AMP_SWITCH_VALUES = Set.of("", "1", "true", "yes", "amp");

  private AmpUrls() {}

  /**
   * The origin URL behind AMP-cache and AMP-viewer URLs (nested wrappers too); other URLs as
   * given.
   */
  static String unwrapCache(String url) {
    String current = url;
    for (int depth = 0; depth < 4; depth++) {
      if (!mayBeWrapped(current)) {
        return current;
      }
      Matcher matcher = CACHE.matcher(current);
      if (!matcher.matches()) {
        matcher = GOOGLE_VIEWER.matcher(current);
        if (!matcher.matches()) {
          return current;
        }
      }
      current = (matcher.group(1) == null ? "http://" : "https://") + matcher.group(2);
    }
    return current;
  }

  /** Whether the URL's host could be one {@link #CACHE} or {@link #GOOGLE_VIEWER} matches: spares most URLs the regexes. */
  private static boolean mayBeWrapped(String url) {
    int hostEnd = hostEnd(url);
    return hostContainsIgnoreCase(url, hostEnd, "ampproject.org") || hostContainsIgnoreCase(url, hostEnd, "bing-amp.com")
        || hostContainsIgnoreCase(url, hostEnd, "google.");
  }

  /**
   * Where the authority of {@code scheme://authority/...} ends, or -1 without {@code ://}. The
   * wrapper patterns here and in {@link RedirectUrls} match their literal host names before it.
   */
  static int hostEnd(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return -1;
    }
    int slash = url.indexOf('/', start + 3);
    return slash < 0 ? url.length() : slash;
  }

  /**
   * Whether {@code text[0, end)} holds the needle in any case: a superset of what a
   * case-insensitive regex literal matches there, for skipping the regex.
   */
  static boolean hostContainsIgnoreCase(String text, int end, String lowerNeedle) {
    int last = end - lowerNeedle.length();
    char first = lowerNeedle.charAt(0);
    char firstUpper = Character.toUpperCase(first);
    for (int i = 0; i <= last; i++) {
      char c = text.charAt(i);
      if ((c == first || c == firstUpper) && text.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a query parameter only selects the AMP rendering or was added by an AMP cache.
   *
   * @param name the parameter name as it appears in the URL
   * @param value the value, empty for a bare {@code ?amp}
   */
  static boolean isAmpMarker(String name, String value) {
    String n = name.toLowerCase(Locale.ROOT);
    String v = value.toLowerCase(Locale.ROOT);
    if (n.equals("amp") || n.equals("_amp")) {
      return AMP_SWITCH_VALUES.contains(v);
    }
    if (n.equals("outputtype")) {
      return v.equals("amp");
    }
    return CACHE_PARAMETERS.contains(n) || n.startsWith("amp_");
  }
}
