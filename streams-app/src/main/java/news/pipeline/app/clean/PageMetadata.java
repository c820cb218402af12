package news.pipeline.app.clean;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The metadata of one HTML page, read from its head, JSON-LD and bylines before any content is
 * removed.
 *
 * @param title headline without site name
 * @param authors person names
 * @param publishedAt first publication (UTC)
 * @param publishedDate the calendar date of the first publication in the page's own offset
 * @param modifiedAt last modification (UTC)
 * @param canonicalUrl absolute canonical URL
 * @param aliasUrls absolute AMP URLs
 * @param siteName publisher name or registrable domain
 * @param language BCP-47 code or null
 * @param description meta/og description or null
 */
record PageMetadata(
    String title,
    List<String> authors,
    Instant publishedAt,
    LocalDate publishedDate,
    Instant modifiedAt,
    String canonicalUrl,
    List<String> aliasUrls,
    String siteName,
    String language,
    String description) {}
