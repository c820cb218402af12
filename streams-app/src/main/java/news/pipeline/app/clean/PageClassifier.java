package news.pipeline.app.clean;

import org.jsoup.nodes.Document;

/**
 * Decides whether a page is an article or something else (index, listing, product, forum,
 * service page) from general signals: declared types (og:type, JSON-LD @type), how much prose
 * the main content holds and how much of the page is links.
 */
final class PageClassifier {

  private static final int MIN_UNATTRIBUTED_PROSE = 12;

  private PageClassifier() {}

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
    // articles are signed or dated; unsigned, undated pages need much more prose to qualify
    boolean attributed = meta.publishedAt() != null || !meta.authors().isEmpty();
    return attributed ? prose >= 4 && textLength >= 1200 : prose >= MIN_UNATTRIBUTED_PROSE;
  }
}
