package news.pipeline.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds a hand-written character scan to the regex that defines it: the same answer for every
 * Unicode code point, and random texts built from pieces that are hard for scans (marks, joiners,
 * lone surrogates, characters outside the BMP) to compare whole results on.
 */
public final class RegexOracle {

  private RegexOracle() {}

  /** Fails at the first code point where {@code scan} and the one-character {@code regex} disagree. */
  public static void assertSameClassForEveryCodePoint(Pattern regex, IntPredicate scan) {
    Matcher one = regex.matcher("");
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      boolean expected = one.reset(new String(Character.toChars(cp))).matches();
      if (scan.test(cp) != expected) {
        assertThat(scan.test(cp)).as("U+%04X", cp).isEqualTo(expected);
      }
    }
  }

  /** {@code count} texts of 0 to 39 pieces each, drawn with a fixed seed, so a failure repeats. */
  public static List<String> randomTexts(long seed, int count, String... pieces) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> texts = new ArrayList<>(count);
    for (int round = 0; round < count; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      texts.add(text.toString());
    }
    return texts;
  }
}
