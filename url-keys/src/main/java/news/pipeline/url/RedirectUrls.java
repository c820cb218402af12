package news.pipeline.url;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Click-through redirectors that carry the target URL in a query parameter: Google's {@code
 * /url?q=…} and Facebook's {@code l.php?u=…}. A crawler that follows links from search results or
 * shares records these instead of the article.
 */
final class RedirectUrls {

  private record Redirector(Pattern url, List<String> targetParameters) {}

  private static final List<Redirector> REDIRECTORS =
      List.of(
          new Redirector(
              Pattern.compile(
                  "^https?://(?:www\\.)?google\\.[a-z]{2,3}(?:\\.[a-z]{2})?/url\\?([^#]*)",
                  Pattern.CASE_INSENSITIVE),
              List.of("q", "url")),
          new Redirector(
              Pattern.compile(
                  "^https?://(?:l|lm|m|www)\\.facebook\\.com/l\\.php\\?([^#]*)",
                  Pattern.CASE_INSENSITIVE),
              List.of("u")));

  private RedirectUrls() {}

  /** The target of a redirector URL when it is an http(s) URL; other URLs as given. */
  static String unwrap(String url) {
    int hostEnd = AmpUrls.hostEnd(url);
    if (!AmpUrls.hostContainsIgnoreCase(url, hostEnd, "google.")
        && !AmpUrls.hostContainsIgnoreCase(url, hostEnd, "facebook.com")) {
      return url; // neither redirector can match: spare the regexes
    }
    for (Redirector redirector : REDIRECTORS) {
      Matcher matcher = redirector.url().matcher(url);
      if (matcher.find()) {
        for (String name : redirector.targetParameters()) {
          Optional<String> target = parameter(matcher.group(1), name);
          if (target.isPresent()) {
            return target.get();
          }
        }
      }
    }
    return url;
  }

  private static Optional<String> parameter(String query, String name) {
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        String value = decode(pair.substring(eq + 1));
        if (value.toLowerCase(Locale.ROOT).matches("^https?://.+")) {
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value; // a stray '%': use the value as written
    }
  }
}
