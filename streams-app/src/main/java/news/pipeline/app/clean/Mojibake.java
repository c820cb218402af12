package news.pipeline.app.clean;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs text that was UTF-8 read as Latin-1 somewhere upstream and then stored again as UTF-8,
 * so that "’" shows as "â" plus two invisible C1 control characters. C1 controls (U+0080 to
 * U+009F) never belong in text, so a run of Latin-1 characters holding one is read back as the
 * UTF-8 bytes it was; a run that is not valid UTF-8 stays as it is.
 *
 * <p>{@code Mojibake.repair("Investor\u00e2\u0080\u0099s Guide")} gives {@code Investor’s Guide}.
 */
final class Mojibake {

  private Mojibake() {}

  static String repair(String s) {
    if (s == null || !hasC1(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c < 0xC2 || c > 0xF4) {
        out.append(c);
        i++;
        continue;
      }
      // a lead byte and its continuation bytes (0x80-0xBF) as Latin-1 characters
      int end = i + 1;
      while (end < s.length() && s.charAt(end) >= 0x80 && s.charAt(end) <= 0xBF) {
        end++;
      }
      String fixed = end - i >= 2 ? utf8(s, i, end) : null;
      out.append(fixed != null ? fixed : s.substring(i, end));
      i = end;
    }
    return out.toString();
  }

  private static boolean hasC1(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 && c <= 0x9F) {
        return true;
      }
    }
    return false;
  }

  private static String utf8(String s, int from, int to) {
    byte[] bytes = new byte[to - from];
    for (int k = from; k < to; k++) {
      bytes[k - from] = (byte) s.charAt(k);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
