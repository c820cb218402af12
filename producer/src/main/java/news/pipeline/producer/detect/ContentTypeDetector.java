package news.pipeline.producer.detect;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import news.pipeline.avro.ContentType;

/**
 * Tells what a raw body is from its first bytes, with the file name as a tie-breaker.
 *
 * <ul>
 *   <li>{@code HTML}: after any byte-order mark, whitespace and comments, the body opens with a
 *       doctype or a common tag ({@code <html}, {@code <head}, {@code <body}, {@code <div}, ...);
 *   <li>{@code FRONT_MATTER}: the first line is {@code ---} and a closing {@code ---} line or a
 *       {@code key: value} line follows;
 *   <li>{@code JSON}: the body opens with <code>{</code>;
 *   <li>{@code TEXT}: anything else, unless the name says {@code .html} or {@code .json}.
 * </ul>
 *
 * <p>Gzip bodies (magic {@code 1f 8b}) are sniffed after inflating their start, and a {@code .gz}
 * suffix is ignored when reading the name.
 *
 * <p>{@code ContentType type = ContentTypeDetector.detect("page.html.gz", bytes);}
 */
public final class ContentTypeDetector {

  /** How many leading bytes are looked at. */
  static final int SNIFF_BYTES = 16 * 1024;

  private static final Set<String> HTML_TAGS =
      Set.of(
          "html", "head", "body", "div", "meta", "title", "link", "script", "style", "article",
          "section", "header", "nav", "main", "span", "table", "p", "h1", "h2", "form", "base",
          "noscript", "iframe");

  private static final Pattern YAML_KEY = Pattern.compile("^[A-Za-z_][\\w.-]*\\s*:(\\s.*|)$");

  private ContentTypeDetector() {}

  /** Detects from the bytes alone. */
  public static ContentType detect(byte[] bytes) {
    return detect(null, bytes);
  }

  /**
   * Detects from the file name (may be null) and the bytes (the whole body or its start).
   *
   * @return never {@code UNKNOWN}; {@code TEXT} when nothing else fits
   */
  public static ContentType detect(String fileName, byte[] bytes) {
    byte[] head = bytes == null ? new byte[0] : bytes;
    if (Gzip.hasMagic(head)) {
      head = Gzip.inflatePrefix(head, SNIFF_BYTES);
    }
    ContentType fromContent = fromText(prefixText(head));
    if (fromContent != ContentType.TEXT) {
      return fromContent;
    }
    return fromName(fileName);
  }

  private static ContentType fromText(String text) {
    String start = skipWhitespaceAndComments(text);
    if (start.isEmpty()) {
      return ContentType.TEXT;
    }
    if (looksLikeHtml(start)) {
      return ContentType.HTML;
    }
    if (start.charAt(0) == '{') {
      return ContentType.JSON;
    }
    if (looksLikeFrontMatter(text.stripLeading())) {
      return ContentType.FRONT_MATTER;
    }
    return ContentType.TEXT;
  }

  private static ContentType fromName(String fileName) {
    if (fileName == null) {
      return ContentType.TEXT;
    }
    String name = Gzip.stripSuffix(fileName.toLowerCase(Locale.ROOT));
    if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
      return ContentType.HTML;
    }
    if (name.endsWith(".json")) {
      return ContentType.JSON;
    }
    return ContentType.TEXT;
  }

  /**
   * The sniffed bytes as text. Markers are ASCII, so ISO-8859-1 (one char per byte) is enough
   * for UTF-8 and single-byte charsets; UTF-16 is decoded when its byte-order mark says so.
   */
  private static String prefixText(byte[] bytes) {
    int length = Math.min(bytes.length, SNIFF_BYTES);
    if (length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new String(bytes, 2, length - 2, StandardCharsets.UTF_16BE);
    }
    if (length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new String(bytes, 2, length - 2, StandardCharsets.UTF_16LE);
    }
    int offset =
        length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    return new String(bytes, offset, length - offset, StandardCharsets.ISO_8859_1);
  }

  private static String skipWhitespaceAndComments(String text) {
    String rest = text.stripLeading();
    while (rest.startsWith("<!--")) {
      int end = rest.indexOf("-->");
      if (end < 0) {
        return rest;
      }
      rest = rest.substring(end + 3).stripLeading();
    }
    return rest;
  }

  private static boolean looksLikeHtml(String start) {
    if (start.charAt(0) != '<') {
      return false;
    }
    String lower = start.substring(0, Math.min(start.length(), 512)).toLowerCase(Locale.ROOT);
    if (lower.startsWith("<!doctype html")) {
      return true;
    }
    if (lower.startsWith("<?xml")) {
      return lower.contains("<html") || lower.contains("<!doctype html");
    }
    int end = 1;
    while (end < lower.length() && Character.isLetterOrDigit(lower.charAt(end))) {
      end++;
    }
    if (end == 1 || !HTML_TAGS.contains(lower.substring(1, end))) {
      return false;
    }
    return end == lower.length() || " \t\r\n>/".indexOf(lower.charAt(end)) >= 0;
  }

  private static boolean looksLikeFrontMatter(String text) {
    String[] lines = text.split("\\r?\\n", 200);
    if (lines.length < 2 || !lines[0].stripTrailing().equals("---")) {
      return false;
    }
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (line.equals("---") || line.equals("...")) {
        return true;
      }
      if (!line.isBlank() && !line.startsWith("#")) {
        // the first real line decides: YAML front matter opens with a top-level key
        return YAML_KEY.matcher(line).matches();
      }
    }
    return false;
  }
}
