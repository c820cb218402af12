package news.pipeline.producer.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time searches agree with a byte-by-byte search on random bytes, at every edge of the range. */
class AsciiSearchTest {

  private static final byte[] ALPHABET = "cChHaArRsSeEtT:&#<-!>/ x".concat("\u0000").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  private static final String[] NEEDLES = {"charset", "c", "ch", "cha", "canonical", "og:url", "&colon", "&#", "-->", "</", "<!--"};

  private static int naive(byte[] bytes, int from, int to, String text, boolean ignoreCase) {
    outer:
    for (int k = from; k <= to - text.length(); k++) {
      for (int n = 0; n < text.length(); n++) {
        int c = bytes[k + n];
        if (ignoreCase && c >= 'A' && c <= 'Z') {
          c += 32;
        }
        if (c != text.charAt(n)) {
          continue outer;
        }
      }
      return k;
    }
    return -1;
  }

  @Test
  void agreesWithAByteByByteSearch() {
    Random random = new Random(7);
    for (int round = 0; round < 20_000; round++) {
      byte[] bytes = new byte[random.nextInt(70)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = random.nextInt(10) == 0 ? (byte) (0x80 | random.nextInt(128)) : ALPHABET[random.nextInt(ALPHABET.length)];
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int to = from + random.nextInt(bytes.length - from + 1);
      String needle = NEEDLES[random.nextInt(NEEDLES.length)];

      assertThat(AsciiSearch.indexOfIgnoreCase(bytes, from, to, needle)).isEqualTo(naive(bytes, from, to, needle, true));
      assertThat(AsciiSearch.indexOf(bytes, from, to, needle)).isEqualTo(naive(bytes, from, to, needle, false));
      byte single = ALPHABET[random.nextInt(ALPHABET.length)];
      assertThat(AsciiSearch.indexOf(bytes, from, to, single)).isEqualTo(naive(bytes, from, to, new String(new byte[] {single}, java.nio.charset.StandardCharsets.ISO_8859_1), false));
      assertThat(AsciiSearch.containsEither(bytes, from, to, (byte) 0, (byte) '#'))
          .isEqualTo(naive(bytes, from, to, "\u0000", false) >= 0 || naive(bytes, from, to, "#", false) >= 0);
    }
  }
}
