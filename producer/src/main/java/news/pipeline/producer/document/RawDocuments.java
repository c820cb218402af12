package news.pipeline.producer.document;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.detect.ContentTypeDetector;

/**
 * Builds {@link RawDocument} records the same way for every input (files, JSON envelopes, WARC).
 *
 * <p>When the URL is not given, the one the body declares (canonical link, {@code og:url}, a
 * top-level {@code webUrl}/{@code url}) is used; the id is then {@link DocumentIds#of} that URL
 * and the body. Header names are lower-cased.
 *
 * <pre>{@code
 * RawDocument doc = RawDocuments.create("file:a.html", null, bytes, mtime, null, Map.of(), Map.of());
 * }</pre>
 */
public final class RawDocuments {

  private RawDocuments() {}

  /** Builds a document, detecting its content type from the bytes. */
  public static RawDocument create(
      String source,
      String url,
      byte[] body,
      Instant fetchedAt,
      String charset,
      Map<String, String> headers,
      Map<String, String> metadata) {
    return create(source, url, null, body, fetchedAt, charset, headers, metadata);
  }

  /**
   * Builds a document.
   *
   * @param source who produced it, e.g. {@code file:seeds/a.txt} or a crawler name
   * @param url the fetch URL, or null to use the one the body declares, if any
   * @param type the content type, or null (or {@code UNKNOWN}) to detect it from the bytes
   * @param body the bytes as fetched
   * @param fetchedAt the fetch time, the event time downstream
   * @param charset the declared charset, or null
   * @param headers HTTP response headers, or null
   * @param metadata free-form metadata, or null
   */
  public static RawDocument create(
      String source,
      String url,
      ContentType type,
      byte[] body,
      Instant fetchedAt,
      String charset,
      Map<String, String> headers,
      Map<String, String> metadata) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    ContentType detected =
        type == null || type == ContentType.UNKNOWN ? ContentTypeDetector.detect(body) : type;
    String knownUrl =
        blankToNull(url) != null
            ? url.strip()
            : UrlExtractor.find(detected, body, charset).orElse(null);
    return RawDocument.newBuilder()
        .setId(DocumentIds.of(knownUrl, body))
        .setUrl(knownUrl)
        .setContentType(detected)
        .setCharset(blankToNull(charset))
        .setBody(ByteBuffer.wrap(body))
        .setFetchedAt(Instant.ofEpochMilli(fetchedAt.toEpochMilli()))
        .setSource(source)
        .setHeaders(lowerCaseKeys(headers))
        .setMetadata(metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata))
        .build();
  }

  /** The body bytes of a document (a copy; the record's buffer is left untouched). */
  public static byte[] bodyBytes(RawDocument document) {
    ByteBuffer buffer = document.getBody().duplicate();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
    Map<String, String> result = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach(
          (name, value) -> {
            if (name != null && value != null) {
              result.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + ", " + b);
            }
          });
    }
    return result;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
