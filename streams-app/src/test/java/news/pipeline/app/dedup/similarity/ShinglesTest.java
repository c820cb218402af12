package news.pipeline.app.dedup.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
