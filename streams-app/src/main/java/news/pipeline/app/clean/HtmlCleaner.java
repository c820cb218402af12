package news.pipeline.app.clean;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Cleans one HTML page into a {@link CleanedPage}: main text without navigation, share bars,
 * related links, ads or comments, plus the page's metadata. Pure and thread-safe; never throws
 * on bad HTML.
 *
 * <pre>{@code
 * CleanedPage page = new HtmlCleaner().clean(html, "https://example.com/2020/06/10/story");
 * page.title(); page.text(); page.publishedAt();
 * }</pre>
 */
public final class HtmlCleaner {

  /**
   * Cleans a page.
   *
   * @param html the page source; null or empty gives an empty, non-article page
   * @param pageUrl the URL the page was fetched from, used to resolve relative URLs; may be null
   */
  public CleanedPage clean(String html, String pageUrl) {
    Document doc = Jsoup.parse(html == null ? "" : html, pageUrl == null ? "" : pageUrl);
    JsonLd jsonLd;
    PageMetadata meta;
    // the metadata readers only read the document: its elements are listed once for their selects
    try (PageElements listed = PageElements.open(doc)) {
      jsonLd = JsonLd.of(doc);
      meta = MetadataExtractor.extract(doc, pageUrl, jsonLd);
    }
    ExtractedContent content = ContentExtractor.extract(doc, meta.title());
    List<String> paragraphs = content.paragraphs();
    String excerpt = meta.description();
    if (excerpt == null) {
      excerpt = paragraphs.stream().filter(p -> p.length() >= 80).findFirst()
          .orElse(paragraphs.isEmpty() ? null : paragraphs.get(0));
    }
    return new CleanedPage(
        meta.title(),
        meta.authors(),
        meta.publishedAt(),
        meta.modifiedAt(),
        meta.canonicalUrl(),
        meta.aliasUrls(),
        meta.siteName(),
        meta.language() != null ? meta.language() : LanguageGuesser.guess(content.text()),
        excerpt,
        content.text(),
        PageClassifier.isArticle(doc, jsonLd, meta, content),
        meta.publishedDate());
  }
}
