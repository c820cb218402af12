package news.pipeline.app.dedup.quality;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The forms under which crawlers meet one article's URL: share links with campaign parameters,
 * the other scheme, the other host prefix, a trailing slash more or less, in-page fragments, AMP
 * pages, AMP-cache and Google AMP viewer addresses, and HTML-escaped query separators.
 *
 * <p>The forms are written from what shows up in crawl logs and share buttons, not from the
 * canonicalizer's rules, so some of them (Adobe {@code at_*} or Guardian {@code CMP} parameters,
 * say) may not be folded; those misses are what the benchmark is for.
 *
 * <pre>{@code
 * Variant v = UrlVariants.random("https://www.example.com/2024/05/story/", new Random(7));
 * // e.g. Variant[form=amp-cache, url=https://www-example-com.cdn.ampproject.org/c/s/www.example.com/2024/05/story/amp/]
 * }</pre>
 */
public final class UrlVariants {

  /** A variant URL and the name of the form it was made by. */
  public record Variant(String form, String url) {}

  /** The forms, in the order {@link #of} knows them. */
  public static final List<String> FORMS =
      List.of(
          "tracking", "scheme", "host-prefix", "trailing-slash", "fragment", "upper-case-host",
          "amp-page", "amp-cache", "amp-viewer", "escaped-query");

  private static final String[][] CAMPAIGNS = {
    {"utm_source=twitter", "utm_medium=social", "utm_campaign=sf_share"},
    {"utm_source=newsletter", "utm_medium=email", "utm_campaign=morning_brief", "utm_content=top"},
    {"utm_source=facebook", "utm_medium=referral"},
    {"fbclid=IwAR2xPq7bK3dT9vQk0nZl8y"},
    {"gclid=Cj0KCQjw8pKxBhDABCD1234"},
    {"mc_cid=4f9a1c2b3d", "mc_eid=8e7d6c5b4a"},
    {"ocid=msedgntp", "cvid=5a1b2c3d4e"},
    {"smid=tw-share"},
    {"cmpid=rss"},
    {"igshid=MzRlODBiNWFlZA=="},
    {"_ga=2.1234567.890123.1717171717-1.1"},
    {"at_medium=RSS", "at_campaign=KARANGA"},
    {"CMP=share_btn_tw"},
    {"ref=rss"},
  };

  private static final String[] FRAGMENTS = {"comments", "main", "top", ":~:text=police%20use", "section-2"};

  private UrlVariants() {}

  /** A variant in a random form (one form, or two forms composed, as share chains produce). */
  public static Variant random(String url, Random random) {
    String form = FORMS.get(random.nextInt(FORMS.size()));
    String variant = of(form, url, random);
    if (random.nextInt(4) == 0) {
      // share chains add a campaign or a fragment on top of whatever form the link already had
      String second = random.nextBoolean() ? "tracking" : "fragment";
      if (!second.equals(form) && !form.equals("fragment")) {
        return new Variant(form + "+" + second, of(second, variant, random));
      }
    }
    return new Variant(form, variant);
  }

  /** The URL in one named form; the URL itself when the form does not apply. */
  public static String of(String form, String url, Random random) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      return url;
    }
    if (uri.getHost() == null || uri.getScheme() == null) {
      return url;
    }
    String host = uri.getHost();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery();
    return switch (form) {
      case "tracking" -> withQuery(uri.getScheme(), host, path, query, campaign(random));
      case "scheme" -> build(uri.getScheme().equals("https") ? "http" : "https", host, path, query);
      case "host-prefix" -> build(uri.getScheme(), otherHostPrefix(host, random), path, query);
      case "trailing-slash" -> build(uri.getScheme(), host, toggleSlash(path), query);
      case "fragment" -> build(uri.getScheme(), host, path, query) + "#" + FRAGMENTS[random.nextInt(FRAGMENTS.length)];
      case "upper-case-host" -> build(uri.getScheme(), host.toUpperCase(Locale.ROOT), path, query);
      case "amp-page" -> ampPage(uri.getScheme(), host, path, query, random);
      case "amp-cache" -> ampCache(host, ampPage("https", host, path, query, random).substring(("https://").length()), random);
      case "amp-viewer" -> "https://www.google.com/amp/s/" + ampPage("https", host, path, query, random).substring(8);
      case "escaped-query" -> escapedQuery(uri.getScheme(), host, path, query, random);
      default -> throw new IllegalArgumentException("unknown URL variant form " + form);
    };
  }

  private static String campaign(Random random) {
    return String.join("&", CAMPAIGNS[random.nextInt(CAMPAIGNS.length)]);
  }

  private static String otherHostPrefix(String host, Random random) {
    if (host.startsWith("www.")) {
      return random.nextBoolean() ? host.substring(4) : "m." + host.substring(4);
    }
    if (host.startsWith("m.")) {
      return "www." + host.substring(2);
    }
    return random.nextInt(3) == 0 ? "m." + host : "www." + host;
  }

  private static String toggleSlash(String path) {
    if (path.equals("/")) {
      return "/index.html";
    }
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
  }

  /** The AMP page as sites publish it: by CMS convention, from the path's shape. */
  private static String ampPage(String scheme, String host, String path, String query, Random random) {
    int style = random.nextInt(5);
    if (path.endsWith(".html") && style < 2) {
      return build(scheme, host, path.substring(0, path.length() - 5) + (style == 0 ? ".amp.html" : ".amp"), query);
    }
    return switch (style) {
      case 0, 1 -> build(scheme, host, (path.endsWith("/") ? path : path + "/") + "amp/", query);
      case 2 -> withQuery(scheme, host, path, query, random.nextBoolean() ? "amp" : "amp=1");
      case 3 -> withQuery(scheme, host, path, query, "outputType=amp");
      default -> build(scheme, "amp." + (host.startsWith("www.") ? host.substring(4) : host), path, query);
    };
  }

  private static String ampCache(String host, String hostAndPath, Random random) {
    String cacheHost = host.replace("-", "--").replace('.', '-');
    return "https://" + cacheHost + ".cdn.ampproject.org/" + (random.nextBoolean() ? "c" : "v") + "/s/" + hostAndPath;
  }

  private static String escapedQuery(String scheme, String host, String path, String query, Random random) {
    String withCampaign = withQuery(scheme, host, path, query, campaign(random));
    return withCampaign.replace("&", "&amp;");
  }

  private static String withQuery(String scheme, String host, String path, String query, String extra) {
    return build(scheme, host, path, query == null || query.isEmpty() ? extra : query + "&" + extra);
  }

  private static String build(String scheme, String host, String path, String query) {
    return scheme + "://" + host + path + (query == null || query.isEmpty() ? "" : "?" + query);
  }

  /** Distinct variants of a URL, none equal to it. */
  public static List<Variant> distinct(String url, int count, Random random) {
    List<Variant> variants = new ArrayList<>();
    List<String> seen = new ArrayList<>(List.of(url));
    for (int attempt = 0; attempt < count * 10 && variants.size() < count; attempt++) {
      Variant v = random(url, random);
      if (!seen.contains(v.url())) {
        seen.add(v.url());
        variants.add(v);
      }
    }
    return variants;
  }
}
