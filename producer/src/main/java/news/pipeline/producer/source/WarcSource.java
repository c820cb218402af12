package news.pipeline.producer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import news.pipeline.avro.ContentType;
import news.pipeline.producer.detect.ContentTypeDetector;
import news.pipeline.producer.detect.Gzip;
import news.pipeline.producer.detect.MediaTypes;
import news.pipeline.producer.document.RawDocuments;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads WARC files ({@code .warc}, {@code .warc.gz}) with jwarc. Every {@code response} record
 * with a 2xx HTTP status and an HTML, text or JSON payload becomes one document:
 *
 * <ul>
 *   <li>{@code url} is the {@code WARC-Target-URI}, {@code fetchedAt} the {@code WARC-Date};
 *   <li>the body is the HTTP payload with transfer and content encodings removed;
 *   <li>charset comes from the HTTP {@code Content-Type}, headers are the HTTP response headers;
 *   <li>metadata holds {@code warc.record-id}, {@code warc.offset} and {@code http.status}.
 * </ul>
 *
 * Every other record (warcinfo, request, metadata, revisit, images, redirects, errors) is
 * skipped with its reason, so each record of the file is accounted for.
 */
public final class WarcSource {

  private final DocumentSink sink;
  private final long maxBytes;

  /**
   * @param sink where documents and problems go
   * @param maxBytes largest payload read
   */
  public WarcSource(DocumentSink sink, long maxBytes) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.maxBytes = maxBytes;
  }

  /** Whether a file name is one this source reads. */
  public static boolean handles(String fileName) {
    String name = Gzip.stripSuffix(fileName.toLowerCase(Locale.ROOT));
    return name.endsWith(".warc");
  }

  /**
   * Reads every record of a WARC file.
   *
   * @param file the file, compressed or not
   * @param source the documents' source, e.g. {@code file:crawl.warc.gz}
   */
  public void read(Path file, String source) {
    try (WarcReader reader = new WarcReader(file)) {
      read(reader, source);
    } catch (IOException | RuntimeException e) {
      sink.fail(source, "cannot read WARC: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Reads every record of a WARC stream (not closed here). */
  public void read(InputStream in, String source) {
    try {
      read(new WarcReader(in), source);
    } catch (IOException | RuntimeException e) {
      sink.fail(source, "cannot read WARC: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void read(WarcReader reader, String source) throws IOException {
    reader.setLenient(true);
    for (WarcRecord record : reader) {
      String where = source + " offset " + record.position();
      try {
        if (record instanceof WarcResponse response) {
          readResponse(response, source, where);
        } else {
          sink.skip(source, "WARC " + record.type() + " record");
        }
      } catch (IOException | RuntimeException e) {
        sink.fail(where, "bad WARC record: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }

  private void readResponse(WarcResponse response, String source, String where) throws IOException {
    if (!response.contentType().base().equals(MediaType.HTTP)) {
      sink.skip(source, "WARC response record that is not HTTP (" + response.contentType() + ")");
      return;
    }
    HttpResponse http = response.http();
    String mediaType = http.headers().first("Content-Type").orElse(null);
    if (http.status() < 200 || http.status() > 299) {
      sink.skip(source, "WARC response with HTTP status " + http.status());
      return;
    }
    if (mediaType != null && !MediaTypes.isDocument(mediaType)) {
      sink.skip(source, "WARC response with payload type " + MediaTypes.essence(mediaType));
      return;
    }
    byte[] body;
    try (InputStream in = http.bodyDecoded().stream()) {
      body = Gzip.readAtMost(in, maxBytes + 1);
    }
    if (body.length > maxBytes) {
      sink.skip(where, "payload of " + response.target() + " is above the size limit of " + maxBytes + " bytes");
      return;
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("warc.record-id", response.id().toString());
    metadata.put("warc.offset", Long.toString(response.position()));
    metadata.put("http.status", Integer.toString(http.status()));
    String target = response.target();
    Instant fetchedAt = fetchedAt(response);
    Map<String, String> headers = joined(http.headers().map());
    sink.later(where, to -> {
      try {
        ContentType detected = ContentTypeDetector.detect(body);
        ContentType type =
            detected != ContentType.TEXT ? detected : MediaTypes.contentType(mediaType).orElse(ContentType.TEXT);
        to.accept(RawDocuments.create(
            source, target, type, body, fetchedAt, MediaTypes.charset(mediaType), headers, metadata));
      } catch (RuntimeException e) {
        to.fail(where, "bad WARC record: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    });
  }

  private static Instant fetchedAt(WarcResponse response) {
    Instant date = response.date();
    return date != null ? date : Instant.EPOCH;
  }

  private static Map<String, String> joined(Map<String, List<String>> headers) {
    Map<String, String> result = new LinkedHashMap<>();
    headers.forEach((name, values) -> result.put(name, String.join(", ", values)));
    return result;
  }
}
