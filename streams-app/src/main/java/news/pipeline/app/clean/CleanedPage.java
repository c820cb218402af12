package news.pipeline.app.clean;

import java.time.Instant;
import java.util.List;

/**
 * What the cleaner takes out of one page: main text without boilerplate and the page's metadata.
 * Absent values are {@code null} (or empty lists); {@code text} has paragraphs separated by a
 * blank line.
 *
 * @param title the headline, without site suffixes or prefixes
 * @param authors person names, without "By", dates or job titles
 * @param publishedAt first publication time (UTC)
 * @param modifiedAt last modification time (UTC), kept apart from the publication time
 * @param canonicalUrl the page's canonical URL (rel=canonical, og:url), absolute
 * @param aliasUrls other URLs of the same article (rel=amphtml, AMP-cache forms), absolute
 * @param siteName publisher or site name
 * @param language BCP-47 language code, e.g. {@code en}
 * @param excerpt a short summary (meta description, else the first paragraph)
 * @param text the clean main text
 * @param isArticle false when the page is an index, listing, product, forum or service page
 */
public record CleanedPage(
    String title,
    List<String> authors,
    Instant publishedAt,
    Instant modifiedAt,
    String canonicalUrl,
    List<String> aliasUrls,
    String siteName,
    String language,
    String excerpt,
    String text,
    boolean isArticle) {

  public CleanedPage {
    authors = authors == null ? List.of() : List.copyOf(authors);
    aliasUrls = aliasUrls == null ? List.of() : List.copyOf(aliasUrls);
  }
}
