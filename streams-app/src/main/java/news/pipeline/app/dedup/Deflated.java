package news.pipeline.app.dedup;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Bytes kept compressed: the length as a varint, then raw deflate (no zlib header and checksum, 6
 * bytes saved an entry). One instance per thread: it reuses its deflater and inflater.
 */
final class Deflated {

  private final Deflater deflater;
  private final Inflater inflater = new Inflater(true);

  /** @param level a {@link Deflater} level */
  Deflated(int level) {
    this.deflater = new Deflater(level, true);
  }

  byte[] pack(byte[] raw) {
    deflater.reset();
    deflater.setInput(raw);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 16);
    for (int length = raw.length; ; length >>>= 7) {
      if (length < 0x80) {
        out.write(length);
        break;
      }
      out.write((length & 0x7F) | 0x80);
    }
    byte[] buffer = new byte[Math.max(64, Math.min(8192, raw.length / 2))];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    return out.toByteArray();
  }

  byte[] unpack(byte[] stored) {
    int length = 0;
    int at = 0;
    for (int shift = 0; ; shift += 7) {
      int b = stored[at++] & 0xFF;
      length |= (b & 0x7F) << shift;
      if (b < 0x80) {
        break;
      }
    }
    byte[] raw = new byte[length];
    inflater.reset();
    inflater.setInput(stored, at, stored.length - at);
    try {
      int n = 0;
      while (n < raw.length && !inflater.finished()) {
        int read = inflater.inflate(raw, n, raw.length - n);
        if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += read;
      }
      if (n != raw.length) {
        throw new IllegalStateException("truncated deflated entry: " + n + " of " + raw.length + " bytes");
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException("corrupt deflated entry", e);
    }
    return raw;
  }
}
