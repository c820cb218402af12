package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExtractionScoreTest {

  @Test
  void identicalTextsScoreOne() {
    assertThat(ExtractionScore.words("The cat sat.", "the CAT sat").f1()).isEqualTo(1.0);
  }

  @Test
  void wordScoreCountsRepeatedWordsAsAMultiset() {
    ExtractionScore s = ExtractionScore.words("a a a b", "a b");
    assertThat(s.precision()).isCloseTo(0.5, within(1e-9));
    assertThat(s.recall()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void shinglesPunishWordOrderThatWordsIgnore() {
    assertThat(ExtractionScore.words("one two three four five", "five four three two one").f1())
        .isEqualTo(1.0);
    assertThat(ExtractionScore.shingles("one two three four five", "five four three two one").f1())
        .isZero();
  }

  @Test
  void emptyPredictionScoresZero() {
    assertThat(ExtractionScore.words("", "some gold text").f1()).isZero();
  }
}
