package news.pipeline.app.dedup.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.pipeline.app.testing.RegexOracle;
import org.junit.jupiter.api.Test;

class ShinglesTest {

  @Test
  void shinglesAreConsecutiveLowerCasedWords() {
    assertThat(Shingles.words("The cat sat on the MAT.", 3))
        .containsExactly("the cat sat", "cat sat on", "sat on the", "on the mat");
  }

  @Test
  void punctuationSeparatesWords() {
    assertThat(Shingles.words("face-recognition, tech!", 1))
        .containsExactly("face", "recognition", "tech");
  }

  @Test
  void repeatedShinglesCountOnce() {
    assertThat(Shingles.words("a b a b a b", 2)).containsExactly("a b", "b a");
  }

  @Test
  void shortTextGivesOneShingleOfAllItsWords() {
    assertThat(Shingles.words("Amazon bans", 5)).containsExactly("amazon bans");
  }

  @Test
  void textWithoutWordsGivesNoShingles() {
    assertThat(Shingles.words(" -- !! ", 3)).isEmpty();
    assertThat(Shingles.words(null, 3)).isEmpty();
  }

  @Test
  void nonAsciiLettersAreWordCharacters() {
    assertThat(Shingles.words("Müller über Straße", 1)).containsExactly("müller", "über", "straße");
  }

  @Test
  void kMustBePositive() {
    assertThatThrownBy(() -> Shingles.words("a b", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static final Pattern REGEX_WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  /** The definition the hand-written scan must give: the lower-cased text's regex words. */
  private static List<String> regexTokens(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = REGEX_WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  @Test
  void wordCharactersAreExactlyTheRegexWordClassForEveryCodePoint() {
    RegexOracle.assertSameClassForEveryCodePoint(
        Pattern.compile("\\w", Pattern.UNICODE_CHARACTER_CLASS), Shingles::isWordChar);
  }

  @Test
  void tokensAreTheRegexWordsOnMixedScriptsMarksAndSurrogates() {
    String[] pieces = {
      "a", "Z", "7", "_", " ", "-", ".", "\n", "é", "ß", "İ", "Σ", "ΣΑΣ ", "東京", "\u0301", "\u20DD", "\u0903",
      "\u200C", "\u200D", "\u00A0", "\u2028", "𝐀", "😀", "\uD835", "\uDC00", "٣", "Ⅻ", "½", "‿", "'", "—"
    };
    for (String s : RegexOracle.randomTexts(7, 3000, pieces)) {
      assertThat(Shingles.tokens(s)).as("%s", s).isEqualTo(regexTokens(s));
      for (int k = 1; k <= 3; k++) {
        assertThat(Shingles.hashesOfText(s, k, 0)).as("%s k=%d", s, k).isEqualTo(Shingles.hashes(regexTokens(s), k));
      }
    }
  }

  @Test
  void textHashesAreTheShingleHashesOfItsWordsUnlessTooFewWords() {
    String text = "The cat sat on the MAT, ça va — 東京 2020 … Ünïcödé wörds";
    List<String> words = regexTokens(text);
    assertThat(Shingles.hashesOfText(text, 5, words.size())).isEqualTo(Shingles.hashes(words, 5));
    assertThat(Shingles.hashesOfText(text, 5, words.size() + 1)).isEmpty();
    assertThat(Shingles.hashesOfText(text, 20, 1)).hasSize(1).isEqualTo(Shingles.hashes(words, 20));
    assertThat(Shingles.hashesOfText(" -- ", 5, 0)).isEmpty();
    assertThat(Shingles.hashesOfText(null, 5, 0)).isEmpty();
    assertThat(Arrays.stream(Shingles.hashesOfText(text, 1, 0)).boxed().toList()).hasSize(words.size());
  }
}
