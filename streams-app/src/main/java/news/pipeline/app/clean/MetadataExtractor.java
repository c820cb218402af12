package news.pipeline.app.clean;

import com.fasterxml.jackson.databind.JsonNode;
import crawlercommons.domains.EffectiveTldFinder;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;

/**
 * Reads a page's metadata (title, authors, dates, URLs, site name, language, description) from
 * meta tags, JSON-LD and the visible headline. Reads only; never changes the document.
 */
final class MetadataExtractor {

  private static final Evaluator AMP_LINK = PageElements.query("link[rel~=(?i)^amphtml$][href]");
  private static final Evaluator CANONICAL_LINK = PageElements.query("link[rel~=(?i)^canonical$][href]");
  private static final Evaluator HEADING = PageElements.query("h1, h2");
  private static final Evaluator H1 = PageElements.query("h1");

  private MetadataExtractor() {}

  static PageMetadata extract(Document doc, String pageUrl, JsonLd jsonLd) {
    JsonNode article = jsonLd.article();
    String canonical = canonicalUrl(doc);
    String siteName = siteName(doc, jsonLd, canonical != null ? canonical : pageUrl);
    List<String> aliases = aliasUrls(doc, pageUrl, canonical);
    OffsetDateTime published = DateExtractor.published(doc, jsonLd, canonical, pageUrl);
    String title = title(doc, article, siteName);
    return new PageMetadata(
        // no-break and other odd spaces become plain ones, as in the rest of the text
        title == null ? null
            : Mojibake.repair(TitleCleaner.unescaped(title))
                .replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip(),
        AuthorExtractor.authors(doc, jsonLd, siteName),
        published == null ? null : published.toInstant(),
        published == null ? null : published.toLocalDate(),
        DateExtractor.modified(doc, article),
        canonical,
        aliases,
        siteName,
        language(doc),
        description(doc, article));
  }

  /**
   * Other URLs of the same article: rel=amphtml links, the fetch URL when the page is itself an
   * AMP page with a different canonical, and the AMP-cache form of each.
   */
  private static List<String> aliasUrls(Document doc, String pageUrl, String canonical) {
    List<String> amp = new ArrayList<>();
    for (Element link : PageElements.selectWithAttributes(doc, AMP_LINK, null)) {
      amp.add(Meta.absolute(link, "href"));
    }
    Element html = doc.selectFirst("html");
    if (html != null && (html.hasAttr("amp") || html.hasAttr("⚡")) && pageUrl != null) {
      amp.add(pageUrl);
    }
    List<String> aliases = new ArrayList<>();
    for (String url : amp) {
      for (String alias : new String[] {url, AmpUrls.cacheForm(url)}) {
        if (alias != null && !aliases.contains(alias) && !alias.equals(canonical)) {
          aliases.add(alias);
        }
      }
    }
    return aliases;
  }

  static String title(Document doc, JsonNode article, String siteName) {
    List<String> candidates = new ArrayList<>();
    candidates.add(TitleCleaner.clean(Meta.first(doc, "og:title", "twitter:title"), siteName));
    candidates.add(TitleCleaner.clean(JsonLd.text(article, "headline"), siteName));
    candidates.add(TitleCleaner.clean(doc.title(), siteName));
    candidates.removeIf(c -> c == null || c.isBlank());
    String agreed = headingTheHeadAgreesWith(doc, candidates);
    if (agreed != null) {
      return agreed;
    }
    // else a heading that is one part of the head title ("Headline - Site Name" and an h1 Headline)
    for (Element h : PageElements.select(doc, HEADING)) {
      String text = h.text().strip();
      // the site's name printed as the page heading is a part of the head title too
      if (TextStats.words(text) >= 2 && isPartOfHeadTitle(doc, text)
          && !isSiteName(text, siteName)) {
        return text;
      }
    }
    // else a single, headline-shaped h1 that is not the site's logo text
    Elements h1s = PageElements.select(doc, H1);
    String h1 = h1s.size() == 1 ? h1s.first().text() : null;
    if (h1 != null && isHeadlineShaped(h1, siteName) && !namesTheSite(doc, h1, candidates)
        && !isASectionLabel(h1, candidates, siteName)) {
      return h1.strip();
    }
    return candidates.isEmpty() ? null : candidates.get(0);
  }

  /**
   * The visible headline when the head agrees with it, as the most exact form of the title; null
   * when no heading agrees. An h2 that only shares most of its words with the head title is a
   * section heading echoing it ("Investing in the best X of 2025" under a title "Best X of
   * 2025"), so an h2 must say the title itself; a head title that only adds a count or a year to
   * the h1 is the fuller form of it; an h1 whose "?" stand for characters lost in a charset
   * conversion ("Event Planning? Beginner? Guide") is the head title printed badly.
   */
  private static String headingTheHeadAgreesWith(Document doc, List<String> candidates) {
    for (Element h : PageElements.select(doc, HEADING)) {
      String text = TitleCleaner.unescaped(h.text()).strip();
      boolean h1 = "h1".equals(h.tagName());
      for (String c : candidates) {
        if (TitleCleaner.sameHeadline(text, c) && !TitleCleaner.quotes(text, c)) {
          String headline = TitleCleaner.withoutDecoration(text, c);
          if (h1 && TitleCleaner.addsOnlyNumbers(c, text)) {
            return c;
          }
          if (h1 || TitleCleaner.norm(headline).equals(TitleCleaner.norm(c))) {
            return headline;
          }
        }
      }
    }
    for (Element h : PageElements.select(doc, H1)) {
      for (String c : candidates) {
        if (TitleCleaner.lostCharacters(h.text().strip(), c)) {
          return c;
        }
      }
    }
    return null;
  }

  /**
   * Whether {@code heading} is the site's name in a head title "Site: Headline" whose headline
   * part the other head candidates give alone (a blog's name as its page heading).
   */
  private static boolean namesTheSite(Document doc, String heading, List<String> candidates) {
    String title = doc.title().replaceAll("\\s+", " ").strip();
    String h = heading.replaceAll("\\s+", " ").strip();
    if (!title.regionMatches(true, 0, h + ":", 0, h.length() + 1)) {
      return false;
    }
    String rest = TitleCleaner.norm(title.substring(h.length() + 1));
    return candidates.stream().anyMatch(c -> TitleCleaner.norm(c).equals(rest));
  }

  /**
   * Whether a lone heading is a section's label rather than the headline: short (three words at
   * most: "Our Blog", "M&A Updates", "VPN Services") and sharing no word of four letters or more
   * with any of the head's titles, when the head has one that is not the site's name. A longer
   * heading that says something else than the head's titles stays the headline: the head title is
   * then the page's SEO title.
   */
  private static boolean isASectionLabel(String heading, List<String> candidates, String siteName) {
    List<String> titles = candidates.stream().filter(c -> !isSiteName(c, siteName)).toList();
    if (titles.isEmpty() || TextStats.words(heading) > 3) {
      return false;
    }
    Set<String> words = new HashSet<>();
    for (String w : TitleCleaner.norm(heading).split(" ")) {
      if (w.length() >= 4) {
        words.add(w);
      }
    }
    for (String c : titles) {
      for (String w : TitleCleaner.norm(c).split(" ")) {
        if (words.contains(w)) {
          return false;
        }
      }
    }
    return !words.isEmpty();
  }

  private static boolean isPartOfHeadTitle(Document doc, String heading) {
    String h = TitleCleaner.norm(heading);
    for (String raw : new String[] {Meta.first(doc, "og:title", "twitter:title"), doc.title()}) {
      for (String part : TitleCleaner.parts(raw)) {
        if (!h.isEmpty() && h.equals(TitleCleaner.norm(part))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isHeadlineShaped(String text, String siteName) {
    int words = TextStats.words(text);
    return words >= 2 && words <= 30 && !isSiteName(text, siteName);
  }

  private static boolean isSiteName(String text, String siteName) {
    return siteName != null && TitleCleaner.norm(text).equals(TitleCleaner.norm(siteName));
  }

  private static String canonicalUrl(Document doc) {
    String canonical = Meta.absolute(PageElements.selectFirst(doc, CANONICAL_LINK), "href");
    if (canonical == null) {
      String og = Meta.first(doc, "og:url");
      if (og != null) {
        Element tmp = new Element("a").attr("href", og);
        tmp.setBaseUri(doc.location());
        canonical = Meta.absolute(tmp, "href");
      }
    }
    return canonical;
  }

  private static String siteName(Document doc, JsonLd jsonLd, String url) {
    String og = Meta.first(doc, "og:site_name", "application-name", "publisher");
    if (og != null) {
      return og;
    }
    String publisher = JsonLd.text(jsonLd.article(), "publisher");
    if (publisher != null && !publisher.isBlank()) {
      return publisher;
    }
    return registrableDomain(url);
  }

  static String registrableDomain(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = URI.create(url.strip().replace(" ", "%20")).getHost();
      if (host == null) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      String domain = EffectiveTldFinder.getAssignedDomain(host, true, false);
      return domain != null ? domain : host;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String language(Document doc) {
    String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
    if (lang.isBlank()) {
      lang = firstNonNull(Meta.first(doc, "content-language", "language", "dc.language", "og:locale"));
    }
    lang = lang.strip().replace('_', '-');
    if (!lang.matches("(?i)[a-z]{2,3}(-[a-z0-9]{2,8})*")) {
      return null;
    }
    String[] parts = lang.split("-", 2);
    return parts[0].toLowerCase(Locale.ROOT)
        + (parts.length > 1 ? "-" + parts[1].toUpperCase(Locale.ROOT) : "");
  }

  private static String description(Document doc, JsonNode article) {
    String d = Meta.first(doc, "description", "og:description", "twitter:description");
    if (d == null) {
      d = JsonLd.text(article, "description");
    }
    return d == null || d.isBlank() ? null : d.replaceAll("\\s+", " ").strip();
  }

  private static String firstNonNull(String s) {
    return s == null ? "" : s;
  }
}
