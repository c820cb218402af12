package news.pipeline.app.clean;

import java.net.URI;
import java.util.Locale;

/**
 * The Google AMP cache form of an AMP page's URL: the host with its dashes doubled and dots made
 * dashes becomes a subdomain of {@code cdn.ampproject.org}, and the path follows {@code /c/}
 * ({@code /c/s/} for https).
 *
 * <p>{@code AmpUrls.cacheForm("https://news.example-site.com/amp/story")} gives {@code
 * https://news-example--site-com.cdn.ampproject.org/c/s/news.example-site.com/amp/story}.
 */
public final class AmpUrls {

  private static final String CACHE_DOMAIN = ".cdn.ampproject.org";

  private AmpUrls() {}

  /** The cache URL, or null for a URL that is not absolute http(s) or is already a cache URL. */
  public static String cacheForm(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = URI.create(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost();
      if (host == null || !(scheme.equals("http") || scheme.equals("https"))
          || host.toLowerCase(Locale.ROOT).endsWith(CACHE_DOMAIN)) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      String sub = host.replace("-", "--").replace('.', '-');
      String rest = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (uri.getRawQuery() != null) {
        rest += "?" + uri.getRawQuery();
      }
      String authority = host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
      return "https://" + sub + CACHE_DOMAIN + "/c/" + (scheme.equals("https") ? "s/" : "")
          + authority + rest;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
