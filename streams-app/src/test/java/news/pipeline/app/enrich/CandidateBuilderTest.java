package news.pipeline.app.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.pipeline.app.testing.RegexOracle;
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
    RegexOracle.assertSameClassForEveryCodePoint(Pattern.compile("[\\p{L}\\p{N}]"), CandidateBuilder::isLetterOrNumber);
  }

  @Test
  void wordCountIsTheRegexCountOnMixedScriptsMarksAndSurrogates() {
    String[] pieces = {
      "a", "Z", "7", "_", " ", "-", "\n", "é", "ß", "東京", "\u0301", "\u200D", "\u00A0", "𝐀", "😀", "\uD835",
      "\uDC00", "٣", "Ⅻ", "½", "'", "—", "e\u0301"
    };
    for (String s : RegexOracle.randomTexts(11, 3000, pieces)) {
      assertThat(CandidateBuilder.countWords(s)).as("%s", s).isEqualTo(regexCount(s));
    }
    assertThat(CandidateBuilder.countWords("Face-recognition: 2 bans, née Müller (東京)")).isEqualTo(7);
  }
}
