package news.pipeline.app.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.pipeline.app.clean.CleanedPage;

/**
 * Reads one article's fields from a metadata record's mapping. Understood names (first found
 * wins): title/headline/name; excerpt/description/summary; publishedDateTime/publishedAt/
 * datePublished/published_at/date/pubDate; modifiedDateTime/modifiedAt/dateModified/updated;
 * webUrl/url/link/canonicalUrl; ampWebUrl/ampUrl/cdnAmpWebUrl (aliases); provider.name/siteName/
 * site/source; authors/author/byline; topics/tags/keywords; language/lang; text/body/content.
 */
final class MetadataFields {

  private MetadataFields() {}

  static Optional<ArticleDraft> draft(Map<?, ?> map) {
    String title = text(map, "title", "headline", "name");
    // a URL must be a string: a number or a list in a URL field is a broken record, not an address
    String url = string(map, "webUrl", "url", "link", "canonicalUrl", "canonical_url");
    String body = text(map, "text", "body", "content", "articleBody");
    if (title == null && url == null && body == null) {
      return Optional.empty();
    }
    Set<String> urls = new LinkedHashSet<>();
    if (url != null) {
      urls.add(url);
    }
    for (String alias : List.of("ampWebUrl", "ampUrl", "amp_url", "cdnAmpWebUrl", "cdnAmpUrl")) {
      String value = string(map, alias);
      if (value != null) {
        urls.add(value);
      }
    }
    List<String> aliases = urls.stream().skip(url == null ? 0 : 1).toList();
    CleanedPage page =
        new CleanedPage(
            title,
            strings(first(map, "authors", "author", "byline")),
            instant(first(map, "publishedDateTime", "publishedAt", "datePublished", "published_at", "date", "pubDate")),
            instant(first(map, "modifiedDateTime", "modifiedAt", "dateModified", "updated", "updated_at")),
            url,
            aliases,
            siteName(map),
            text(map, "language", "lang"),
            text(map, "excerpt", "description", "summary"),
            body,
            !"false".equalsIgnoreCase(String.valueOf(map.get("isArticle"))));
    return Optional.of(new ArticleDraft(page, List.copyOf(urls), strings(first(map, "topics", "tags", "keywords"))));
  }

  private static String siteName(Map<?, ?> map) {
    if (map.get("provider") instanceof Map<?, ?> provider) {
      String name = text(provider, "name", "domain");
      if (name != null) {
        return name;
      }
    }
    return text(map, "siteName", "site_name", "site", "source", "publisher");
  }

  private static Object first(Map<?, ?> map, String... keys) {
    for (String key : keys) {
      Object value = map.get(key);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String text(Map<?, ?> map, String... keys) {
    Object value = first(map, keys);
    if (value instanceof String s && !s.isBlank()) {
      return s.strip();
    }
    return value instanceof Number || value instanceof Boolean ? value.toString() : null;
  }

  private static String string(Map<?, ?> map, String... keys) {
    return first(map, keys) instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof String s) {
      for (String part : s.split("\\s*[,;]\\s*")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    } else if (value instanceof Collection<?> items) {
      for (Object item : items) {
        if (item instanceof String s && !s.isBlank()) {
          out.add(s.strip());
        } else if (item instanceof Map<?, ?> m && text(m, "name") != null) {
          out.add(text(m, "name"));
        }
      }
    } else if (value instanceof Map<?, ?> m && text(m, "name") != null) {
      out.add(text(m, "name"));
    }
    return out;
  }

  /** A date from YAML (already a Date), an ISO string, a plain date, or epoch seconds/millis. */
  static Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Number number) {
      long n = number.longValue();
      return Instant.ofEpochMilli(n < 100_000_000_000L ? n * 1000 : n);
    }
    if (value instanceof String s) {
      String t = s.strip();
      try {
        return OffsetDateTime.parse(t).toInstant();
      } catch (DateTimeParseException e) {
        // try the other forms
      }
      try {
        return Instant.parse(t);
      } catch (DateTimeParseException e) {
        // try the other forms
      }
      try {
        return LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }
}
