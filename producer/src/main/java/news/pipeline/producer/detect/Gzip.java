package news.pipeline.producer.detect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
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
    // an input buffer of the whole file (up to 64 KB) instead of GZIPInputStream's 512 bytes:
    // fewer round trips into zlib; the output goes straight into the result array
    int inputBuffer = Math.max(512, Math.min(compressed.length, 64 * 1024));
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), inputBuffer)) {
      return readAtMost(in, limit + 1, declaredSize(compressed));
    }
  }

  /**
   * The inflated size the gzip trailer states (ISIZE, the size modulo 2^32 of the last member):
   * right for the usual one-member file, and only ever used as a first guess.
   */
  static long declaredSize(byte[] compressed) {
    int n = compressed.length;
    if (n < 18) {
      return -1;
    }
    return (compressed[n - 4] & 0xFFL) | (compressed[n - 3] & 0xFFL) << 8 | (compressed[n - 2] & 0xFFL) << 16
        | (compressed[n - 1] & 0xFFL) << 24;
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
    return readAtMost(in, max, -1);
  }

  /** Largest array the JVM reliably allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  /**
   * Reads up to {@code max} bytes from a stream into an array sized for {@code expected} bytes
   * (unknown when negative): when the guess is right, the bytes are written once and the array
   * is returned as it is, with no growing and no final copy.
   */
  public static byte[] readAtMost(InputStream in, long max, long expected) throws IOException {
    long cap = Math.min(Math.min(max, MAX_ARRAY), expected >= 0 ? expected : 64 * 1024);
    byte[] bytes = new byte[(int) Math.max(cap, Math.min(max, 1))];
    int n = 0;
    while (n < max) {
      if (n == bytes.length) {
        int next = in.read(); // full: the guess was right if the stream ends here
        if (next < 0) {
          return bytes;
        }
        bytes = Arrays.copyOf(bytes, (int) Math.min(Math.min(max, MAX_ARRAY), Math.max(2L * bytes.length, 8192)));
        bytes[n++] = (byte) next;
        continue;
      }
      int read = in.read(bytes, n, bytes.length - n);
      if (read < 0) {
        break;
      }
      n += read;
    }
    return n == bytes.length ? bytes : Arrays.copyOf(bytes, n);
  }
}
