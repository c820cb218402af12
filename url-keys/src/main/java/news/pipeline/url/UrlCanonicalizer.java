package news.pipeline.url;

import crawlercommons.domains.EffectiveTldFinder;
import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.IDN;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a URL into its dedup key: a plain string that is equal for every address of the same
 * article (http or https, {@code www.}, {@code m.} or {@code amp.} host, AMP page, AMP cache,
 * Google or Facebook click redirect, tracking parameters, trailing slash, index page, fragment)
 * and different for different articles. Keys are compared with {@link String#equals}; nothing
 * here resolves a host.
 *
 * <p>The key is the host without those prefixes, the path and the sorted remaining query, with no
 * scheme: {@code https://www.Example.com/a/b/?utm_source=x&id=7#top} becomes {@code
 * example.com/a/b?id=7}. It identifies an article; it is not meant to be fetched.
 *
 * <p>crawler-commons' {@link BasicURLNormalizer} does the syntactic part (lower-case host, IDN to
 * punycode, default port, dot segments, percent-encoding, fragment). The path and the query are
 * given to it separately: in 1.6 a path whose escapes it decodes (such as {@code %7E}) shifts the
 * offset it uses for the query and garbles the query (crawler-commons issue #559).
 *
 * <p>Invalid input, {@code javascript:}, {@code data:}, {@code mailto:} and every scheme other
 * than http and https give {@link Optional#empty()}, as do hosts without a dot ({@code
 * localhost}): they never name a public article.
 */
public final class UrlCanonicalizer {

  private static final BasicURLNormalizer NORMALIZER = BasicURLNormalizer.newBuilder().build();

  /** Host prefixes that serve the same article as the bare host. */
  private static final List<String> EQUIVALENT_HOST_PREFIXES =
      List.of("www.", "m.", "mobile.", "amp.");

  private static final Pattern NORMALIZED =
      Pattern.compile("^https?://([^/?#]+)(/[^?#]*)?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern HOST_NAME =
      Pattern.compile("^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)+$");
  private static final Pattern IPV6_HOST = Pattern.compile("^\\[[0-9a-f:.]+]$");
  private static final Pattern PORT = Pattern.compile(":\\d+$");
  private static final Pattern CONTROL = Pattern.compile("[\\t\\r\\n]");
  private static final Pattern HTML_AMPERSAND =
      Pattern.compile("&(?:amp|#0*38|#x0*26);", Pattern.CASE_INSENSITIVE);

  /*
   * Hosts and queries repeat across a crawl (one site, the same feed parameters), and their
   * canonical forms cost a URL parse, a public-suffix lookup and several regular expressions
   * each; the path is what differs from article to article. Both caches are bounded.
   */
  private static final BoundedCache<String, Optional<String>> HOSTS = new BoundedCache<>(4096);
  private static final BoundedCache<String, Optional<String>> QUERIES = new BoundedCache<>(4096);
  private static final int CACHED_QUERY_CHARS = 256;

  private UrlCanonicalizer() {}

  /**
   * The dedup key of a URL.
   *
   * <p>{@code key("https://www-bbc-co-uk.cdn.ampproject.org/c/s/www.bbc.co.uk/news/amp/b-1")} and
   * {@code key("http://bbc.co.uk/news/b-1/#comments")} are both {@code bbc.co.uk/news/b-1}.
   *
   * @param url an absolute http(s) URL, possibly an AMP, AMP-cache or tracking-laden variant
   * @return the key, or empty when the input is not an absolute http(s) URL of a public host
   */
  public static Optional<String> key(String url) {
    if (url == null) {
      return Optional.empty();
    }
    String repaired = repair(url);
    if (!isHttp(repaired)) {
      return Optional.empty();
    }
    String unwrapped = unwrap(repaired);
    int hash = unwrapped.indexOf('#');
    String withoutFragment = hash < 0 ? unwrapped : unwrapped.substring(0, hash);
    int question = withoutFragment.indexOf('?');
    String base = question < 0 ? withoutFragment : withoutFragment.substring(0, question);
    String query = question < 0 ? "" : withoutFragment.substring(question + 1);

    Matcher normalized = NORMALIZED.matcher(nullToEmpty(safeFilter(base)));
    if (!normalized.matches()) {
      return Optional.empty();
    }
    Optional<String> host = HOSTS.get(normalized.group(1), UrlCanonicalizer::canonicalHost);
    Optional<String> sortedQuery = query.length() <= CACHED_QUERY_CHARS
        ? QUERIES.get(query, UrlCanonicalizer::canonicalQuery)
        : canonicalQuery(query);
    if (host.isEmpty() || sortedQuery.isEmpty()) {
      return Optional.empty();
    }
    String path = PathRules.canonical(normalized.group(2) == null ? "/" : normalized.group(2));
    String q = sortedQuery.get();
    return Optional.of(host.get() + path + (q.isEmpty() ? "" : "?" + q));
  }

  /**
   * The registrable domain of a host (public suffix plus one label), used to name the provider.
   * Private suffixes count as suffixes, so {@code alice.blogspot.com} stays its own domain.
   *
   * <p>{@code registrableDomain("amp.charlotteobserver.com")} is {@code charlotteobserver.com};
   * {@code registrableDomain("www.bbc.co.uk")} is {@code bbc.co.uk}.
   *
   * @param host a host name, optionally with a port or a trailing dot; Unicode names are accepted
   * @return the registrable domain in lower case (punycode for IDNs), or empty for IP addresses,
   *     bare public suffixes and names outside the public suffix list
   */
  public static Optional<String> registrableDomain(String host) {
    if (host == null || host.isBlank() || host.contains("[")) {
      return Optional.empty();
    }
    String h = PORT.matcher(host.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    try {
      h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (h.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(EffectiveTldFinder.getAssignedDomain(h, true, false))
        .filter(d -> !d.isEmpty());
  }

  /** The origin URL behind AMP caches, AMP viewers and click redirectors, nested or not. */
  private static String unwrap(String url) {
    String current = url;
    for (int depth = 0; depth < 4; depth++) {
      String next = RedirectUrls.unwrap(AmpUrls.unwrapCache(current));
      if (next.equals(current)) {
        break;
      }
      current = next;
    }
    return current;
  }

  /**
   * Whether the whole string is {@code http://} or {@code https://} (any case) and what follows
   * holds no line terminator: what {@code (?i)^https?://.*} matches, without a regex per URL.
   */
  private static boolean isHttp(String s) {
    if (!startsWithAsciiIgnoreCase(s, 0, "http")) {
      return false;
    }
    int rest = startsWithAsciiIgnoreCase(s, 4, "s") ? 5 : 4;
    if (!s.startsWith("://", rest)) {
      return false;
    }
    rest += 3;
    for (int i = rest; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  /** Case-insensitive for ASCII letters only, as a regex without {@code UNICODE_CASE}. */
  private static boolean startsWithAsciiIgnoreCase(String s, int at, String lowerAscii) {
    if (s.length() < at + lowerAscii.length()) {
      return false;
    }
    for (int i = 0; i < lowerAscii.length(); i++) {
      char c = s.charAt(at + i);
      if (c != lowerAscii.charAt(i) && c != Character.toUpperCase(lowerAscii.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Undoes damage done by HTML escaping and sloppy string building before parsing. */
  private static String repair(String url) {
    // browsers drop tabs and newlines
    String s = (hasControl(url) ? CONTROL.matcher(url).replaceAll("") : url).strip();
    String previous;
    while (mayHoldHtmlAmpersand(s)) {
      previous = s;
      s = HTML_AMPERSAND.matcher(s).replaceAll("&");
      if (s.equals(previous)) {
        break; // "&amp;amp;" was escaped twice: repeat until nothing changes
      }
    }
    s = s.replace("\\?", "?");
    if (s.startsWith("//")) {
      s = "https:" + s;
    }
    return s;
  }

  private static boolean hasControl(String s) {
    return s.indexOf('\t') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
  }

  /** Whether an {@code &} is followed by {@code a}, {@code A} or {@code #}: the only way {@link #HTML_AMPERSAND} can match. */
  private static boolean mayHoldHtmlAmpersand(String s) {
    for (int i = s.indexOf('&'); i >= 0 && i + 1 < s.length(); i = s.indexOf('&', i + 1)) {
      char next = s.charAt(i + 1);
      if (next == 'a' || next == 'A' || next == '#') {
        return true;
      }
    }
    return false;
  }

  private static String safeFilter(String url) {
    try {
      return NORMALIZER.filter(url);
    } catch (RuntimeException e) {
      return null; // the normalizer throws on some malformed input; it is still just invalid
    }
  }

  private static Optional<String> canonicalHost(String authority) {
    String host = authority.toLowerCase(Locale.ROOT);
    String port = "";
    Matcher portMatcher = PORT.matcher(host);
    if (portMatcher.find() && !host.endsWith("]")) {
      port = portMatcher.group();
      host = host.substring(0, portMatcher.start());
    }
    if (IPV6_HOST.matcher(host).matches()) {
      return Optional.of(host + port);
    }
    if (!HOST_NAME.matcher(host).matches()) {
      return Optional.empty();
    }
    int registrableLength = registrableDomain(host).map(String::length).orElse(host.length());
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String prefix : EQUIVALENT_HOST_PREFIXES) {
        if (host.startsWith(prefix) && host.length() - prefix.length() >= registrableLength) {
          host = host.substring(prefix.length());
          stripped = true;
        }
      }
    }
    return Optional.of(host + port);
  }

  /** Normalized, filtered and sorted query, or empty when the normalizer rejects it. */
  private static Optional<String> canonicalQuery(String query) {
    if (query.isEmpty()) {
      return Optional.of("");
    }
    String normalized = safeFilter("http://query.invalid/?" + query);
    if (normalized == null) {
      return Optional.empty();
    }
    int question = normalized.indexOf('?');
    if (question < 0) {
      return Optional.of("");
    }
    List<String[]> kept = new ArrayList<>();
    for (String parameter : normalized.substring(question + 1).split("&")) {
      int eq = parameter.indexOf('=');
      String name = eq < 0 ? parameter : parameter.substring(0, eq);
      String value = eq < 0 ? "" : parameter.substring(eq + 1);
      if (!name.isEmpty()
          && !TrackingParameters.isTracking(name)
          && !AmpUrls.isAmpMarker(name, value)) {
        kept.add(new String[] {name, parameter});
      }
    }
    kept.sort(Comparator.comparing(p -> p[0])); // stable: repeated names keep their order
    return Optional.of(String.join("&", kept.stream().map(p -> p[1]).toList()));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
