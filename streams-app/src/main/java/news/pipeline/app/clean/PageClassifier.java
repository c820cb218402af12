package news.pipeline.app.clean;

import java.util.regex.Pattern;
import org.jsoup.nodes.Document;

/**
 * Decides whether a page is an article or something else (index, listing, product, forum,
 * service page) from general signals: declared types (og:type, JSON-LD @type), how much prose
 * the main content holds and how much of the page is links.
 */
final class PageClassifier {

  private static final Pattern DOCS_PATH = Pattern.compile(
      "(?i)/(docs?|documentation|reference|manual|api|wiki|help|support|kb|knowledge-?base|faq|"
          + "learn|tutorials?|handbook|developers?)(/|$|\\.)");
  /** A docs-like word inside a blog, news or dated path names a section, not documentation. */
  private static final Pattern POST_PATH = Pattern.compile("(?i)/(blog|news)/|/(19|20)\\d{2}/");
  /** The paths forum and Q&A software gives threads: /questions/123, /threads/x, viewtopic?t=. */
  private static final Pattern FORUM_PATH = Pattern.compile(
      "(?i)/(forums?|threads?|questions|viewtopic(\\.php)?|showthread(\\.php)?|discussions?|comments)"
          + "(/|$|\\.|\\?)|[?&](t|topic|thread)=\\d");

  /**
   * The sections shops, agencies and CMS indexes put their non-article pages under: services,
   * products and stores, category and tag indexes, coupons, pricing.
   */
  private static final Pattern SHOP_PATH = Pattern.compile(
      "(?i)/(services?|solutions?|products?|shop|store|category|categories|tags?|collections?|app|"
          + "dp|coupons?|pricing)(/|$|\\.|\\?)");
  /** A site's home page: no path, or only an index file. */
  private static final Pattern HOME_PATH = Pattern.compile("(?i)/?(index\\.\\w+|home)?/?([?#].*)?");

  private PageClassifier() {}

  private static String pathOf(Document doc) {
    String url = doc.location();
    int scheme = url.indexOf("://");
    int slash = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    return slash < 0 ? "" : url.substring(slash);
  }

  static boolean isArticle(Document doc, JsonLd jsonLd, PageMetadata meta,
      ExtractedContent content) {
    boolean declaresArticle = jsonLd.hasType("article", "newsarticle", "blogposting", "reportage",
        "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "techarticle",
        "scholarlyarticle", "report", "liveblogposting");
    boolean declaresOther = jsonLd.hasType("product", "productgroup", "offer", "aggregateoffer",
        "collectionpage", "itemlist", "searchresultspage", "qapage", "discussionforumposting",
        "profilepage", "store", "localbusiness", "softwareapplication", "event", "recipe");
    String ogType = Meta.first(doc, "og:type");
    boolean ogArticle = ogType != null && ogType.toLowerCase().contains("article");
    boolean ogProduct = ogType != null && ogType.toLowerCase().contains("product");

    long prose = content.proseParagraphs();
    int textLength = content.textLength();
    if (ogProduct || declaresOther && !declaresArticle) {
      return false;
    }
    String path = pathOf(doc);
    // a thread is a forum page whatever its markup declares (forum software often says "article")
    if (FORUM_PATH.matcher(path).find()) {
      return false;
    }
    // documentation sites declare og:type article or TechArticle on every page
    boolean declaresNewsArticle = declaresArticle && !jsonLd.hasType("techarticle");
    if (!declaresNewsArticle && DOCS_PATH.matcher(path).find() && !POST_PATH.matcher(path).find()) {
      return false;
    }
    // a home page lists or sells; the articles are behind it
    if (HOME_PATH.matcher(path).matches()) {
      return false;
    }
    if (!declaresNewsArticle && SHOP_PATH.matcher(path).find() && !POST_PATH.matcher(path).find()) {
      return false;
    }
    if (textLength < 500 || prose < 2) {
      return false;
    }
    if (declaresArticle || ogArticle) {
      return true;
    }
    // pages that are mostly links (indexes, listings) or have little prose in their main block
    if (content.pageLinkDensity() > 0.5 && prose < 6) {
      return false;
    }
    // articles are signed or dated; an unsigned, undated page is a service, product or help page
    if (meta.publishedAt() == null && meta.authors().isEmpty()) {
      return false;
    }
    // documentation and help centres are dated but rarely signed
    if (meta.authors().isEmpty() && DOCS_PATH.matcher(path).find()) {
      return false;
    }
    return prose >= 4 && textLength >= 1200;
  }
}
