package news.pipeline.producer.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.detect.MediaTypes;
import news.pipeline.producer.document.RawDocuments;

/**
 * The JSON form of a raw document, as any crawler can write it, one object per line:
 *
 * <pre>{@code
 * {"url": "https://example.com/a", "body": "<html>...", "contentType": "text/html",
 *  "charset": "UTF-8", "fetchedAt": "2020-06-11T02:01:00Z", "source": "my-crawler",
 *  "headers": {"Content-Type": "text/html"}, "metadata": {"depth": "2"}}
 * }</pre>
 *
 * <p>{@code body} is text (encoded with {@code charset}, UTF-8 when absent) or {@code bodyBase64}
 * carries the exact bytes; exactly one of them is required. Everything else is optional: {@code
 * contentType} is a content type name ({@code HTML}, {@code TEXT}, {@code FRONT_MATTER}, {@code
 * JSON}) or a media type, detected from the bytes when absent; {@code fetchedAt} is ISO-8601 or
 * epoch milliseconds. Unknown fields are ignored.
 *
 * <p>Parsing never throws for bad input: it returns a {@link Parsed} with the reason.
 */
public final class JsonEnvelope {

  static final ObjectMapper JSON = new ObjectMapper();

  private JsonEnvelope() {}

  /**
   * A parse result: a document, or the reason there is none.
   *
   * @param document the document, or null
   * @param error why the input is not a document, or null
   */
  public record Parsed(RawDocument document, String error) {

    static Parsed ok(RawDocument document) {
      return new Parsed(document, null);
    }

    static Parsed error(String error) {
      return new Parsed(null, error);
    }

    public boolean isOk() {
      return document != null;
    }
  }

  /**
   * Parses one envelope.
   *
   * @param json one JSON object
   * @param defaultSource the source when the envelope names none
   * @param defaultFetchedAt the fetch time when the envelope gives none
   */
  public static Parsed parse(String json, String defaultSource, Supplier<Instant> defaultFetchedAt) {
    return parse(json, null, null, defaultSource, defaultFetchedAt);
  }

  /**
   * Parses one envelope given as UTF-8 bytes (a line of a JSON Lines file): the same result as
   * {@link #parse(String, String, Supplier)} on the decoded text. A text body in UTF-8 is taken
   * from the bytes with its escapes resolved, never decoded to a {@code String} and encoded back;
   * anything out of the ordinary takes the text route.
   */
  public static Parsed parse(byte[] json, String defaultSource, Supplier<Instant> defaultFetchedAt) {
    Parsed parsed = EnvelopeBytes.parse(json, defaultSource, defaultFetchedAt);
    return parsed != null ? parsed : parse(new String(json, StandardCharsets.UTF_8), defaultSource, defaultFetchedAt);
  }

  /**
   * An envelope whose fields other than the body were parsed into {@code root}; the text body,
   * already encoded with the envelope's charset, is {@code body}.
   */
  static Parsed fromFields(ObjectNode root, byte[] body, String defaultSource, Supplier<Instant> defaultFetchedAt) {
    try {
      return Parsed.ok(toDocument(root, body, null, defaultSource, defaultFetchedAt));
    } catch (BadEnvelope e) {
      return Parsed.error(e.getMessage());
    }
  }

  /**
   * The charset a text body is encoded with: {@code charset}, else the media type's parameter,
   * else UTF-8; null when a field is malformed (the full parse then reports it).
   */
  static Charset textBodyCharset(JsonNode root) {
    try {
      String charset = text(root, "charset");
      String contentTypeText = text(root, "contentType");
      if (charset == null && contentTypeText != null) {
        charset = MediaTypes.charset(contentTypeText);
      }
      return charset == null ? StandardCharsets.UTF_8 : charsetFor(charset);
    } catch (BadEnvelope e) {
      return null;
    }
  }

  /**
   * Parses an envelope that describes a body kept elsewhere (a sidecar file): every field but
   * the body, which is given and wins over any body in the JSON.
   *
   * @param detectedType the content type when the envelope gives none (may be null: detect)
   */
  public static Parsed describing(
      String json,
      byte[] body,
      ContentType detectedType,
      String defaultSource,
      Supplier<Instant> defaultFetchedAt) {
    return parse(
        json, java.util.Objects.requireNonNull(body, "body"), detectedType, defaultSource, defaultFetchedAt);
  }

  private static Parsed parse(
      String json,
      byte[] givenBody,
      ContentType detectedType,
      String defaultSource,
      Supplier<Instant> defaultFetchedAt) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return Parsed.error("not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return Parsed.error("not a JSON object");
    }
    try {
      return Parsed.ok(toDocument(root, givenBody, detectedType, defaultSource, defaultFetchedAt));
    } catch (BadEnvelope e) {
      return Parsed.error(e.getMessage());
    }
  }

  private static RawDocument toDocument(
      JsonNode root,
      byte[] givenBody,
      ContentType detectedType,
      String defaultSource,
      Supplier<Instant> defaultFetchedAt) {
    String charset = text(root, "charset");
    String contentTypeText = text(root, "contentType");
    ContentType type = contentType(contentTypeText);
    if (type == null) {
      type = detectedType;
    }
    if (charset == null && contentTypeText != null) {
      charset = MediaTypes.charset(contentTypeText);
    }
    byte[] body = givenBody != null ? givenBody : body(root, charset);
    Instant fetchedAt = root.hasNonNull("fetchedAt") ? instant(root.get("fetchedAt")) : defaultFetchedAt.get();
    String source = text(root, "source");
    return RawDocuments.create(
        source != null ? source : defaultSource,
        text(root, "url"),
        type,
        body,
        fetchedAt,
        charset,
        stringMap(root, "headers"),
        stringMap(root, "metadata"));
  }

  private static byte[] body(JsonNode root, String charset) {
    boolean hasText = root.hasNonNull("body");
    boolean hasBase64 = root.hasNonNull("bodyBase64");
    if (hasText == hasBase64) {
      throw new BadEnvelope(
          hasText
              ? "has both \"body\" and \"bodyBase64\"; give one"
              : "has no body: give \"body\" (text) or \"bodyBase64\"");
    }
    if (hasBase64) {
      try {
        return Base64.getDecoder().decode(requireText(root, "bodyBase64").replaceAll("\\s", ""));
      } catch (IllegalArgumentException e) {
        throw new BadEnvelope("\"bodyBase64\" is not valid base64: " + e.getMessage());
      }
    }
    return requireText(root, "body").getBytes(charset == null ? StandardCharsets.UTF_8 : charsetFor(charset));
  }

  private static Charset charsetFor(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
      throw new BadEnvelope("unknown charset \"" + name + "\" for a text body");
    }
  }

  /** A content type name, or a media type (null when it implies nothing: detect). */
  private static ContentType contentType(String value) {
    if (value == null) {
      return null;
    }
    if (value.contains("/")) {
      return MediaTypes.contentType(value).orElse(null);
    }
    String symbol = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return ContentType.valueOf(symbol);
    } catch (IllegalArgumentException e) {
      throw new BadEnvelope(
          "unknown \"contentType\" \"" + value + "\": use one of "
              + Arrays.stream(ContentType.values()).map(Enum::name).collect(Collectors.joining(", "))
              + " or a media type such as text/html");
    }
  }

  private static Instant instant(JsonNode node) {
    if (node.isIntegralNumber()) {
      return Instant.ofEpochMilli(node.asLong());
    }
    String text = node.isTextual() ? node.asText().strip() : null;
    if (text != null && !text.isEmpty()) {
      if (text.chars().allMatch(Character::isDigit) && text.length() <= 15) {
        return Instant.ofEpochMilli(Long.parseLong(text));
      }
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        // fall through to the error below
      }
    }
    throw new BadEnvelope(
        "\"fetchedAt\" " + node + " is neither an ISO-8601 date-time with offset nor epoch milliseconds");
  }

  private static Map<String, String> stringMap(JsonNode root, String field) {
    Map<String, String> map = new LinkedHashMap<>();
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return map;
    }
    if (!node.isObject()) {
      throw new BadEnvelope(
          "\"" + field + "\" must be a JSON object, not "
              + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    node.properties()
        .forEach(
            entry -> {
              JsonNode value = entry.getValue();
              if (value.isNull()) {
                return;
              }
              String text;
              if (value.isValueNode()) {
                text = value.asText();
              } else if (value.isArray()) {
                StringBuilder joined = new StringBuilder();
                for (JsonNode item : value) {
                  joined.append(joined.length() > 0 ? ", " : "");
                  joined.append(item.isValueNode() ? item.asText() : item.toString());
                }
                text = joined.toString();
              } else {
                text = value.toString();
              }
              map.put(entry.getKey(), text);
            });
    return map;
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new BadEnvelope("\"" + field + "\" must be a string");
    }
    String value = node.asText();
    return value.isBlank() ? null : value;
  }

  private static String requireText(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (!node.isTextual()) {
      throw new BadEnvelope("\"" + field + "\" must be a string");
    }
    return node.asText();
  }

  /** Internal signal for a bad field; turned into a {@link Parsed} error before it leaves. */
  private static final class BadEnvelope extends RuntimeException {
    BadEnvelope(String message) {
      super(message, null, false, false);
    }
  }
}
