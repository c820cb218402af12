package news.pipeline.producer.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import news.pipeline.avro.ContentType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the URL a document declares about itself, for documents that arrive without one:
 *
 * <ul>
 *   <li>HTML: {@code <link rel="canonical" href>}, else {@code <meta property="og:url" content>};
 *   <li>YAML front matter: a top-level {@code webUrl:} or {@code url:} key (nested keys, such as
 *       those of related articles, are ignored);
 *   <li>JSON: a top-level {@code "webUrl"} or {@code "url"} string.
 * </ul>
 *
 * Only absolute http(s) URLs count; anything else yields empty.
 */
public final class UrlExtractor {

  /**
   * The head of an HTML page is enough; bodies of several megabytes are not parsed whole. Most
   * pages are not parsed at all: {@link HtmlLinkScan} walks their first tags and falls back to
   * jsoup only when it cannot be sure of jsoup's answer.
   */
  static final int HTML_SCAN_BYTES = 256 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ABSOLUTE_HTTP = Pattern.compile("(?i)^https?://[^\\s/]+\\S*$");
  private static final String[] KEYS = {"webUrl", "url"};

  private UrlExtractor() {}

  /** The URL the body declares, if any. {@code charset} may be null. */
  public static Optional<String> find(ContentType type, byte[] body, String charset) {
    if (type == null || body == null || body.length == 0) {
      return Optional.empty();
    }
    String url =
        switch (type) {
          case HTML -> fromHtml(body, charset);
          case FRONT_MATTER -> fromFrontMatter(new String(body, StandardCharsets.UTF_8));
          case JSON -> fromJson(body);
          default -> null;
        };
    return Optional.ofNullable(url).map(String::strip).filter(u -> ABSOLUTE_HTTP.matcher(u).matches());
  }

  private static String fromHtml(byte[] body, String charset) {
    int window = Math.min(body.length, HTML_SCAN_BYTES);
    String scanned = HtmlLinkScan.find(body, window, charset);
    return scanned != HtmlLinkScan.INCONCLUSIVE ? scanned : fromHtmlWithJsoup(body, charset);
  }

  /** The canonical link, else the og:url, of the page's first {@link #HTML_SCAN_BYTES} parsed with jsoup. */
  static String fromHtmlWithJsoup(byte[] body, String charset) {
    Document page;
    try {
      page = Jsoup.parse(
          new ByteArrayInputStream(body, 0, Math.min(body.length, HTML_SCAN_BYTES)), knownCharset(charset), "");
    } catch (IOException | RuntimeException e) {
      return null;
    }
    for (Element link : page.select("link[rel][href]")) {
      if (Arrays.asList(link.attr("rel").toLowerCase(java.util.Locale.ROOT).split("\\s+")).contains("canonical")) {
        return link.attr("href");
      }
    }
    Element og = page.selectFirst("meta[property=og:url][content]");
    return og == null ? null : og.attr("content");
  }

  private static String knownCharset(String charset) {
    try {
      return charset != null && java.nio.charset.Charset.isSupported(charset) ? charset : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Scans the top level of the front matter block: lines with no indentation. */
  static String fromFrontMatter(String text) {
    String[] lines = text.stripLeading().split("\\r?\\n");
    if (lines.length == 0 || !lines[0].stripTrailing().equals("---")) {
      return null;
    }
    String[] found = new String[KEYS.length];
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.stripTrailing().equals("---") || line.stripTrailing().equals("...")) {
        break;
      }
      for (int k = 0; k < KEYS.length; k++) {
        if (found[k] == null && line.startsWith(KEYS[k] + ":")) {
          found[k] = yamlScalar(line.substring(KEYS[k].length() + 1));
        }
      }
    }
    return Arrays.stream(found).filter(v -> v != null && !v.isEmpty()).findFirst().orElse(null);
  }

  /** A plain or quoted YAML scalar on one line. */
  private static String yamlScalar(String raw) {
    String value = raw.strip();
    if (value.length() >= 2
        && (value.charAt(0) == '"' || value.charAt(0) == '\'')
        && value.indexOf(value.charAt(0), 1) > 0) {
      return value.substring(1, value.indexOf(value.charAt(0), 1));
    }
    int comment = value.indexOf(" #");
    return comment >= 0 ? value.substring(0, comment).strip() : value;
  }

  private static String fromJson(byte[] body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject()) {
        return null;
      }
      for (String key : KEYS) {
        JsonNode value = root.get(key);
        if (value != null && value.isTextual()) {
          return value.asText();
        }
      }
    } catch (IOException e) {
      // not valid JSON: no URL to be had from it
    }
    return null;
  }
}
