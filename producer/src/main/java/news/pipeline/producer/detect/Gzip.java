package news.pipeline.producer.detect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Recognises and inflates gzip bodies. Inflation is always bounded, so a small archive that
 * expands to gigabytes (a "zip bomb") costs at most the limit the caller gives.
 */
public final class Gzip {

  private Gzip() {}

  /** Whether the bytes start with the gzip magic number {@code 1f 8b}. */
  public static boolean hasMagic(byte[] bytes) {
    return bytes != null && bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
  }

  /** Whether a file name ends with {@code .gz} (any case). */
  public static boolean hasSuffix(String fileName) {
    return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  /** The file name without a trailing {@code .gz}; the name itself when it has none. */
  public static String stripSuffix(String fileName) {
    return hasSuffix(fileName) ? fileName.substring(0, fileName.length() - 3) : fileName;
  }

  /**
   * Inflates at most {@code limit} bytes. The result is longer than {@code limit} only by one
   * byte, which tells the caller that the content went on past the limit.
   *
   * @throws IOException when the bytes are not valid gzip
   */
  public static byte[] inflate(byte[] compressed, long limit) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return readAtMost(in, limit + 1);
    }
  }

  /**
   * Inflates the start of a gzip body, for sniffing. A truncated or corrupt stream yields what
   * could be read before the damage.
   */
  public static byte[] inflatePrefix(byte[] compressed, int maxBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 64 * 1024));
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      byte[] buffer = new byte[8192];
      int n;
      while (out.size() < maxBytes && (n = in.read(buffer, 0, Math.min(buffer.length, maxBytes - out.size()))) > 0) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // keep what was inflated before the stream broke: enough to sniff
    }
    return out.toByteArray();
  }

  /** Reads up to {@code max} bytes from a stream. */
  public static byte[] readAtMost(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long remaining = max;
    int n;
    while (remaining > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining))) > 0) {
      out.write(buffer, 0, n);
      remaining -= n;
    }
    return out.toByteArray();
  }
}
