package news.pipeline.app.clean;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds a page's publication and modification times, kept apart: JSON-LD first, then meta tags,
 * then {@code <time>} elements and date-like bylines, then a date in the URL path.
 */
final class DateExtractor {

  private static final String[] PUBLISHED_META = {
    "article:published_time", "og:published_time", "datePublished", "article:published",
    "published_time", "publish-date", "publish_date", "publishdate", "pubdate", "publication_date",
    "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date",
    "dcterms.date", "dcterms.created", "dc.date.created", "date", "citation_publication_date",
    "citation_date", "article.published", "cxenseparse:recs:publishtime", "original-publish-date"
  };
  private static final String[] MODIFIED_META = {
    "article:modified_time", "og:updated_time", "dateModified", "article:modified",
    "modified_time", "last-modified", "dcterms.modified", "dc.date.modified", "updated_time",
    "article.updated", "lastmod"
  };

  private DateExtractor() {}

  static Instant published(Document doc, JsonNode article, String url) {
    Optional<Instant> d = DateParser.parse(JsonLd.text(article, "datePublished"));
    if (d.isEmpty()) {
      d = DateParser.parse(JsonLd.text(article, "dateCreated"));
    }
    if (d.isEmpty()) {
      d = DateParser.parse(Meta.first(doc, PUBLISHED_META));
    }
    if (d.isEmpty()) {
      d = timeElement(doc, "[itemprop=datePublished], time[pubdate], time.published, time.entry-date");
    }
    if (d.isEmpty()) {
      d = DateParser.fromUrl(url);
    }
    if (d.isEmpty()) {
      d = timeElement(doc, "time[datetime]");
    }
    if (d.isEmpty()) {
      d = dateLikeText(doc);
    }
    return d.orElse(null);
  }

  static Instant modified(Document doc, JsonNode article) {
    Optional<Instant> d = DateParser.parse(JsonLd.text(article, "dateModified"));
    if (d.isEmpty()) {
      d = DateParser.parse(Meta.first(doc, MODIFIED_META));
    }
    if (d.isEmpty()) {
      d = timeElement(doc, "[itemprop=dateModified], time.updated");
    }
    return d.orElse(null);
  }

  private static Optional<Instant> timeElement(Document doc, String query) {
    for (Element el : doc.select(query)) {
      String raw = el.hasAttr("datetime") ? el.attr("datetime")
          : el.hasAttr("content") ? el.attr("content") : el.text();
      Optional<Instant> d = DateParser.parse(raw);
      if (d.isEmpty()) {
        d = DateParser.parseText(el.text());
      }
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  /** A text date in a short element whose class or id speaks of dates (e.g. "post-date"). */
  private static Optional<Instant> dateLikeText(Document doc) {
    for (Element el : doc.select("[class~=(?i)date|time|publish|posted|byline|meta], [id~=(?i)date|publish]")) {
      String text = el.text();
      if (text.length() <= 120) {
        Optional<Instant> d = DateParser.parseText(text);
        if (d.isPresent()) {
          return d;
        }
      }
    }
    return Optional.empty();
  }
}
