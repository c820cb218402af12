package news.pipeline.app.clean;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * @param publishedDate the calendar date of {@code publishedAt} in the offset the page wrote it
 *     with (a story published 22:30 at -04:00 is dated that day, though it is the next day in UTC)
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
    boolean isArticle,
    LocalDate publishedDate) {

  public CleanedPage {
    authors = authors == null ? List.of() : List.copyOf(authors);
    aliasUrls = aliasUrls == null ? List.of() : List.copyOf(aliasUrls);
    if (publishedDate == null && publishedAt != null) {
      publishedDate = publishedAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }
  }

  /** A page whose publication date is read in UTC. */
  public CleanedPage(String title, List<String> authors, Instant publishedAt, Instant modifiedAt,
      String canonicalUrl, List<String> aliasUrls, String siteName, String language,
      String excerpt, String text, boolean isArticle) {
    this(title, authors, publishedAt, modifiedAt, canonicalUrl, aliasUrls, siteName, language,
        excerpt, text, isArticle, null);
  }
}
