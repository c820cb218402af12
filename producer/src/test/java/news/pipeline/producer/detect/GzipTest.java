package news.pipeline.producer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipTest {

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] text(int length) {
    return "the ferry crews will strike. ".repeat(length / 29 + 1).substring(0, length).getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void inflatesToExactlyTheBytesWritten() throws IOException {
    for (int length : new int[] {0, 1, 8191, 8192, 65_536, 300_000}) {
      assertThat(Gzip.inflate(gzip(text(length)), 1_000_000)).isEqualTo(text(length));
    }
  }

  @Test
  void aTrailerThatUnderstatesTheSizeOnlyCostsAGrowingArray() throws IOException {
    // two members: the trailer at the end gives only the second one's size
    byte[] first = gzip(text(100_000));
    byte[] second = gzip(text(10));
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);

    byte[] expected = new byte[100_010];
    System.arraycopy(text(100_000), 0, expected, 0, 100_000);
    System.arraycopy(text(10), 0, expected, 100_000, 10);
    assertThat(Gzip.inflate(both, 1_000_000)).isEqualTo(expected);
  }

  @Test
  void stopsOneBytePastTheLimit() throws IOException {
    assertThat(Gzip.inflate(gzip(text(5_000)), 4_096)).hasSize(4_097);
    assertThat(Gzip.inflate(gzip(text(4_096)), 4_096)).hasSize(4_096);
  }

  @Test
  void readsAStreamWithAWrongGuessOfItsSize() throws IOException {
    byte[] bytes = text(50_000);
    assertThat(Gzip.readAtMost(new ByteArrayInputStream(bytes), 100_000, 10)).isEqualTo(bytes);
    assertThat(Gzip.readAtMost(new ByteArrayInputStream(bytes), 100_000, 90_000)).isEqualTo(bytes);
    assertThat(Gzip.readAtMost(new ByteArrayInputStream(bytes), 100, -1)).hasSize(100);
  }
}
