package news.pipeline.app.clean;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes fetched bytes to text in this order: byte-order mark, the declared charset (when valid
 * and supported), a {@code <meta charset>} or {@code http-equiv} declaration in the first 4 KB,
 * UTF-8 when the bytes are valid UTF-8, else windows-1252. Bytes that are valid multi-byte UTF-8
 * decode as UTF-8 even under a legacy declaration, so valid UTF-8 never turns to mojibake. Never
 * throws.
 *
 * <p>{@code Charsets.decode(bytes, "text/html; charset=ISO-8859-1")} and {@code
 * Charsets.decode(bytes, "ISO-8859-1")} both work.
 */
public final class Charsets {

  private static final int SNIFF_BYTES = 4096;
  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_.:\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private Charsets() {}

  /** Decodes {@code body}; {@code declaredCharset} may be null, a name or a Content-Type. */
  public static String decode(byte[] body, String declaredCharset) {
    if (body == null || body.length == 0) {
      return "";
    }
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }
    if (startsWith(body, 0xFE, 0xFF)) {
      return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
    }
    if (startsWith(body, 0xFF, 0xFE)) {
      return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
    }
    Charset declared = lookup(declaredCharset);
    if (declared == null) {
      declared = lookup(sniffMeta(body));
    }
    if (declared != null) {
      return decodeWith(body, declared);
    }
    String utf8 = strictUtf8(body);
    return utf8 != null ? utf8 : new String(body, WINDOWS_1252);
  }

  /** A supported charset for a name or Content-Type value; null if unknown or invalid. */
  static Charset lookup(String declared) {
    if (declared == null) {
      return null;
    }
    String name = declared.strip();
    int at = name.toLowerCase(Locale.ROOT).indexOf("charset=");
    if (at >= 0) {
      name = name.substring(at + "charset=".length());
    }
    name = name.replaceAll("[\"';].*$", "").replace("\"", "").strip();
    if (name.isEmpty()) {
      return null;
    }
    try {
      Charset cs = Charset.forName(name);
      // browsers treat Latin-1 and ASCII labels as windows-1252 (WHATWG encoding standard)
      String canonical = cs.name();
      if (canonical.equals("ISO-8859-1") || canonical.equals("US-ASCII")) {
        return WINDOWS_1252;
      }
      // a page that claims UTF-16 but reached here without a BOM is almost always lying
      return canonical.startsWith("UTF-16") || canonical.startsWith("UTF-32")
          ? StandardCharsets.UTF_8 : cs;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String sniffMeta(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  private static String decodeWith(byte[] body, Charset cs) {
    if (cs.equals(StandardCharsets.UTF_8)) {
      return new String(body, StandardCharsets.UTF_8);
    }
    // a page declaring a legacy charset but sent as UTF-8 is common, and multi-byte UTF-8 is
    // almost never an accident in legacy text: valid UTF-8 with high bytes wins, so no mojibake
    String utf8 = hasHighBytes(body) ? strictUtf8(body) : null;
    return utf8 != null ? utf8 : new String(body, cs);
  }

  private static String strictUtf8(byte[] body) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(body));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean hasHighBytes(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(byte[] body, int... prefix) {
    if (body.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((body[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
