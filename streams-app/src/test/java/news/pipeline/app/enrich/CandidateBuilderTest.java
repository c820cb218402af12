package news.pipeline.app.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CandidateBuilderTest {

  /** The definition of a word for the word count. */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private static int regexCount(String text) {
    int count = 0;
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      count++;
    }
    return count;
  }

  @Test
  void letterOrNumberIsExactlyTheRegexClassForEveryCodePoint() {
    Matcher one = Pattern.compile("[\\p{L}\\p{N}]").matcher("");
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      boolean regex = one.reset(new String(Character.toChars(cp))).matches();
      if (CandidateBuilder.isLetterOrNumber(cp) != regex) {
        assertThat(CandidateBuilder.isLetterOrNumber(cp)).as("U+%04X", cp).isEqualTo(regex);
      }
    }
  }

  @Test
  void wordCountIsTheRegexCountOnMixedScriptsMarksAndSurrogates() {
    String[] pieces = {
      "a", "Z", "7", "_", " ", "-", "\n", "é", "ß", "東京", "\u0301", "\u200D", "\u00A0", "𝐀", "😀", "\uD835",
      "\uDC00", "٣", "Ⅻ", "½", "'", "—", "e\u0301"
    };
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 3000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String s = text.toString();
      assertThat(CandidateBuilder.countWords(s)).as("%s", s).isEqualTo(regexCount(s));
    }
    assertThat(CandidateBuilder.countWords("Face-recognition: 2 bans, née Müller (東京)")).isEqualTo(7);
  }
}
