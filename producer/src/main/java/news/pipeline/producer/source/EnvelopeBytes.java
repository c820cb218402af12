package news.pipeline.producer.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The quick route of {@link JsonEnvelope#parse(byte[], String, Supplier)}: the envelope's fields
 * are read with Jackson's streaming parser straight from the UTF-8 bytes, and a text body is copied
 * from those bytes into an array of its exact size with its JSON escapes resolved. On the usual
 * envelope (a UTF-8 body, as crawlers write them) the body is never decoded into characters and
 * encoded back.
 *
 * <p>It answers only when its answer is certainly the text route's: invalid UTF-8 (which the text
 * route reads as U+FFFD), a byte order mark, a control character or an unknown escape in the body,
 * a body in another charset, a body next to {@code bodyBase64}, malformed JSON: all make it
 * return null, and the caller takes the text route, which gives the same documents and the same
 * error messages as before.
 */
final class EnvelopeBytes {

  private EnvelopeBytes() {}

  /** The parse result, or null when the text route must decide. */
  static JsonEnvelope.Parsed parse(byte[] json, String defaultSource, Supplier<Instant> defaultFetchedAt) {
    if (json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB && (json[2] & 0xFF) == 0xBF) {
      return null; // the text route sees U+FEFF and fails the line; keep that
    }
    ObjectNode root = JsonEnvelope.JSON.createObjectNode();
    long bodyAt = -1;
    try (JsonParser parser = JsonEnvelope.JSON.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("body") && value == JsonToken.VALUE_STRING) {
          bodyAt = parser.currentTokenLocation().getByteOffset(); // left unread: skipped by nextToken
          root.remove(name);
        } else {
          if (name.equals("body")) {
            bodyAt = -1; // a later field of the same name wins, as in a tree
          }
          root.set(name, JsonEnvelope.JSON.readTree(parser));
        }
      }
      if (token != JsonToken.END_OBJECT) {
        return null;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (bodyAt < 0 || bodyAt >= json.length || json[(int) bodyAt] != '"' || root.hasNonNull("bodyBase64")
        || JsonEnvelope.textBodyCharset(root) != StandardCharsets.UTF_8) {
      return null;
    }
    int start = (int) bodyAt + 1;
    int size = unescape(json, start, null);
    if (size < 0 || size > JsonEnvelope.JSON.getFactory().streamReadConstraints().getMaxStringLength()) {
      return null; // over Jackson's string limit the text route fails the line
    }
    byte[] body = new byte[size];
    unescape(json, start, body);
    return JsonEnvelope.fromFields(root, body, defaultSource, defaultFetchedAt);
  }

  /**
   * Resolves the JSON string starting at {@code from} (just after its opening quote) into UTF-8,
   * as {@code String#getBytes(UTF_8)} of the decoded text would give it (an unpaired surrogate
   * becomes {@code ?}).
   *
   * @param out where to write, or null to count only
   * @return the number of bytes, or -1 when the text route must decide
   */
  static int unescape(byte[] in, int from, byte[] out) {
    int n = 0;
    int i = from;
    while (true) {
      int run = i;
      while (run < in.length && in[run] >= 0x20 && in[run] != '"' && in[run] != '\\') {
        run++; // printable ASCII, copied as a run (a negative byte is not ASCII)
      }
      if (out != null) {
        System.arraycopy(in, i, out, n, run - i);
      }
      n += run - i;
      i = run;
      if (i >= in.length) {
        return -1; // no closing quote
      }
      int b = in[i] & 0xFF;
      if (b == '"') {
        return n;
      }
      if (b >= 0x80) {
        int length = utf8Length(in, i);
        if (length < 0) {
          return -1;
        }
        if (out != null) {
          System.arraycopy(in, i, out, n, length);
        }
        n += length;
        i += length;
        continue;
      }
      if (b < 0x20 || i + 1 >= in.length) {
        return -1; // a raw control character: the text route fails the line
      }
      int simple = simpleEscape(in[i + 1]);
      if (simple >= 0) {
        if (out != null) {
          out[n] = (byte) simple;
        }
        n++;
        i += 2;
        continue;
      }
      if (in[i + 1] != 'u') {
        return -1;
      }
      int unit = hex4(in, i + 2);
      if (unit < 0) {
        return -1;
      }
      i += 6;
      int codePoint = unit;
      if (Character.isHighSurrogate((char) unit)) {
        int low = i + 1 < in.length && in[i] == '\\' && in[i + 1] == 'u' ? hex4(in, i + 2) : -1;
        if (low >= 0 && Character.isLowSurrogate((char) low)) {
          codePoint = Character.toCodePoint((char) unit, (char) low);
          i += 6;
        } else {
          codePoint = '?';
        }
      } else if (Character.isLowSurrogate((char) unit)) {
        codePoint = '?';
      }
      n = putUtf8(codePoint, out, n);
    }
  }

  /** The byte a one-letter escape stands for, or -1. */
  private static int simpleEscape(byte escaped) {
    return switch (escaped) {
      case '"', '\\', '/' -> escaped;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      default -> -1;
    };
  }

  /** The length of the well-formed UTF-8 sequence at {@code i} (Unicode table 3-7), or -1. */
  private static int utf8Length(byte[] in, int i) {
    int b = in[i] & 0xFF;
    int length;
    int min = 0x80;
    int max = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      length = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length = 3;
      min = b == 0xE0 ? 0xA0 : 0x80;
      max = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4;
      min = b == 0xF0 ? 0x90 : 0x80;
      max = b == 0xF4 ? 0x8F : 0xBF;
    } else {
      return -1;
    }
    if (i + length > in.length) {
      return -1;
    }
    int second = in[i + 1] & 0xFF;
    if (second < min || second > max) {
      return -1;
    }
    for (int k = 2; k < length; k++) {
      int next = in[i + k] & 0xFF;
      if (next < 0x80 || next > 0xBF) {
        return -1;
      }
    }
    return length;
  }

  private static int hex4(byte[] in, int at) {
    if (at + 4 > in.length) {
      return -1;
    }
    int value = 0;
    for (int k = at; k < at + 4; k++) {
      int digit = Character.digit(in[k], 16);
      if (digit < 0 || in[k] < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  private static int putUtf8(int codePoint, byte[] out, int n) {
    if (codePoint < 0x80) {
      if (out != null) {
        out[n] = (byte) codePoint;
      }
      return n + 1;
    }
    if (codePoint < 0x800) {
      if (out != null) {
        out[n] = (byte) (0xC0 | codePoint >> 6);
        out[n + 1] = (byte) (0x80 | codePoint & 0x3F);
      }
      return n + 2;
    }
    if (codePoint < 0x10000) {
      if (out != null) {
        out[n] = (byte) (0xE0 | codePoint >> 12);
        out[n + 1] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        out[n + 2] = (byte) (0x80 | codePoint & 0x3F);
      }
      return n + 3;
    }
    if (out != null) {
      out[n] = (byte) (0xF0 | codePoint >> 18);
      out[n + 1] = (byte) (0x80 | codePoint >> 12 & 0x3F);
      out[n + 2] = (byte) (0x80 | codePoint >> 6 & 0x3F);
      out[n + 3] = (byte) (0x80 | codePoint & 0x3F);
    }
    return n + 4;
  }
}
