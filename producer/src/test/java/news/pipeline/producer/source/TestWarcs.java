package news.pipeline.producer.source;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** WARC files for tests in several packages. */
public final class TestWarcs {

  public static final Instant DATE = Instant.parse("2020-06-11T02:01:00Z");

  private TestWarcs() {}

  /**
   * A WARC.gz with a good page ({@code https://example.com/before}), a response record whose HTTP
   * message is garbage (as a crawler that died mid-write or a bad disk leaves it), and another
   * good page ({@code https://example.com/after}).
   */
  public static Path writeWithBrokenRecord(Path file) throws IOException {
    try (WarcWriter writer = new WarcWriter(
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE), WarcCompression.GZIP)) {
      writer.write(page("https://example.com/before", "<html><body>before</body></html>"));
      writer.write(new WarcResponse.Builder("https://example.com/broken").date(DATE)
          .body(MediaType.HTTP_RESPONSE,
              "\u0000\u0001 this is no HTTP response\r\n\r\n<html>".getBytes(StandardCharsets.ISO_8859_1))
          .build());
      writer.write(page("https://example.com/after", "<html><body>after</body></html>"));
    }
    return file;
  }

  private static WarcResponse page(String url, String html) throws IOException {
    HttpResponse http = new HttpResponse.Builder(200, "OK")
        .body(MediaType.parse("text/html"), html.getBytes(StandardCharsets.UTF_8))
        .build();
    return new WarcResponse.Builder(url).date(DATE).body(http).build();
  }
}
