package news.pipeline.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.document.DocumentIds;
import news.pipeline.producer.document.RawDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** A WARC written here with jwarc: two pages, and records of every kind the source must pass over. */
class WarcSourceTest {

  private static final Instant DATE = Instant.parse("2020-06-11T02:01:00Z");
  private static final String PAGE =
      "<!doctype html><html><head><title>Amazon halts police use</title></head><body>story</body></html>";

  @TempDir Path dir;

  private final CollectingSink sink = new CollectingSink();

  @ParameterizedTest
  @EnumSource(value = WarcCompression.class, names = {"NONE", "GZIP"})
  void htmlAndTextResponsesBecomeDocumentsAndTheRestIsSkipped(WarcCompression compression) throws IOException {
    Path warc = dir.resolve(compression == WarcCompression.GZIP ? "crawl.warc.gz" : "crawl.warc");
    writeWarc(warc, compression);

    new FileSource(sink, 1_000_000, relative -> true).read(dir);

    String source = "file:" + warc.getFileName();
    assertThat(sink.failed).isEmpty();
    assertThat(sink.documents).hasSize(3);

    RawDocument page = sink.documents.get(0);
    assertThat(page.getUrl()).isEqualTo("https://example.com/story");
    assertThat(page.getFetchedAt()).isEqualTo(DATE);
    assertThat(page.getContentType()).isEqualTo(ContentType.HTML);
    assertThat(page.getCharset()).isEqualTo("ISO-8859-1");
    assertThat(page.getSource()).isEqualTo(source);
    assertThat(page.getHeaders()).containsEntry("content-type", "text/html;charset=ISO-8859-1").containsEntry("server", "test");
    assertThat(page.getMetadata()).containsKeys("warc.record-id", "warc.offset").containsEntry("http.status", "200");
    assertThat(new String(RawDocuments.bodyBytes(page), StandardCharsets.ISO_8859_1)).isEqualTo(PAGE);
    assertThat(page.getId()).isEqualTo(DocumentIds.of("https://example.com/story", PAGE.getBytes(StandardCharsets.ISO_8859_1)));

    RawDocument gzipped = sink.documents.get(1);
    assertThat(gzipped.getUrl()).isEqualTo("https://example.com/gzipped");
    assertThat(new String(RawDocuments.bodyBytes(gzipped), StandardCharsets.UTF_8)).isEqualTo("<html>inflated</html>");

    RawDocument text = sink.documents.get(2);
    assertThat(text.getContentType()).isEqualTo(ContentType.TEXT);
    assertThat(text.getCharset()).isNull();

    assertThat(sink.skipped)
        .containsExactly(
            source + ": WARC request record",
            source + ": WARC response with payload type image/png",
            source + ": WARC response with HTTP status 404");
  }

  @Test
  void oversizedPayloadIsSkippedWithItsUrl() throws IOException {
    Path warc = dir.resolve("big.warc");
    try (WarcWriter writer = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
      writer.write(response("https://example.com/big", 200, "text/html", ("<html>" + "x".repeat(500)).getBytes(StandardCharsets.UTF_8), null));
    }
    new WarcSource(sink, 100).read(warc, "file:big.warc");
    assertThat(sink.documents).isEmpty();
    assertThat(sink.skipped).singleElement().asString().contains("https://example.com/big is above the size limit of 100 bytes");
  }

  @Test
  void aBrokenRecordFailsAloneAndTheGoodOnesAroundItAreRead() throws IOException {
    Path warc = dir.resolve("mixed.warc.gz");
    TestWarcs.writeWithBrokenRecord(warc);

    new WarcSource(sink, 1_000_000).read(warc, "file:mixed.warc.gz");

    assertThat(sink.documents).extracting(RawDocument::getUrl)
        .containsExactly("https://example.com/before", "https://example.com/after");
    assertThat(sink.failed).singleElement().asString()
        .startsWith("file:mixed.warc.gz offset ").contains(": bad WARC record: ");
    assertThat(sink.skipped).isEmpty();
  }

  @Test
  void notAWarcFails() throws IOException {
    Path bogus = java.nio.file.Files.writeString(dir.resolve("bogus.warc"), "this is not a WARC file\n");
    new WarcSource(sink, 100).read(bogus, "file:bogus.warc");
    assertThat(sink.documents).isEmpty();
    assertThat(sink.failed).singleElement().asString().startsWith("file:bogus.warc");
  }

  private static void writeWarc(Path file, WarcCompression compression) throws IOException {
    try (WarcWriter writer =
        new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE), compression)) {
      writer.write(
          new WarcRequest.Builder("https://example.com/story")
              .date(DATE)
              .body(new HttpRequest.Builder("GET", "/story").addHeader("Host", "example.com").build())
              .build());
      writer.write(response("https://example.com/story", 200, "text/html; charset=ISO-8859-1",
          PAGE.getBytes(StandardCharsets.ISO_8859_1), null));
      writer.write(response("https://example.com/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, null));
      writer.write(response("https://example.com/missing", 404, "text/html", "<html>not found</html>".getBytes(StandardCharsets.UTF_8), null));
      writer.write(response("https://example.com/gzipped", 200, "text/html", gzip("<html>inflated</html>"), "gzip"));
      writer.write(response("https://example.com/robots.txt", 200, "text/plain", "User-agent: *".getBytes(StandardCharsets.UTF_8), null));
    }
  }

  private static WarcResponse response(String url, int status, String type, byte[] body, String encoding) throws IOException {
    HttpResponse.Builder http =
        new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
            .addHeader("Server", "test")
            .body(MediaType.parse(type), body);
    if (encoding != null) {
      http.addHeader("Content-Encoding", encoding);
    }
    return new WarcResponse.Builder(url).date(DATE).body(http.build()).build();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
