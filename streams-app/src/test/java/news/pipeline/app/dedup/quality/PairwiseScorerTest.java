package news.pipeline.app.dedup.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairwiseScorerTest {

  /**
   * Article A: original a0, URL variant a1, syndicated copy a2. Article B: original b0, syndicated
   * copy b1. Negative n0. Dedup put {a0, a1, b1} together, a2 alone, {b0, n0} together.
   */
  private static final Map<String, Label> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("a0", new Label("A", DocKind.ORIGINAL, "original"));
    LABELS.put("a1", new Label("A", DocKind.URL_VARIANT, "url:x"));
    LABELS.put("a2", new Label("A", DocKind.SYNDICATED, "syn:x"));
    LABELS.put("b0", new Label("B", DocKind.ORIGINAL, "original"));
    LABELS.put("b1", new Label("B", DocKind.SYNDICATED, "syn:x"));
    LABELS.put("n0", new Label("N", DocKind.NEGATIVE, "neg:x"));
  }

  private static final Map<String, String> PREDICTED =
      Map.of("a0", "X", "a1", "X", "b1", "X", "a2", "Y", "b0", "Z", "n0", "Z");

  @Test
  void urlVariantPairsAreScoredOnTheirOwn() {
    QualityScore score = PairwiseScorer.score(LABELS, PREDICTED, List.of());

    // same URL pairs: (a0,a1), merged. (a0,b1) and (a1,b1) hold a syndicated copy: scored as syndicated.
    QualityScore.KindScore url = score.kinds().get(DocKind.URL_VARIANT);
    assertThat(url.samePairs()).isEqualTo(1);
    assertThat(url.mergedSamePairs()).isEqualTo(1);
    assertThat(url.mergedPairs()).isEqualTo(1);
    assertThat(url.recall()).isEqualTo(1.0);
    assertThat(url.precision()).isEqualTo(1.0);
  }

  @Test
  void syndicatedPairsCountMissesAndFalseMerges() {
    QualityScore score = PairwiseScorer.score(LABELS, PREDICTED, List.of());

    // same: (a0,a2) (a1,a2) (b0,b1); merged among them: none. merged syndicated pairs: (a0,b1) (a1,b1), both false.
    QualityScore.KindScore syndicated = score.kinds().get(DocKind.SYNDICATED);
    assertThat(syndicated.samePairs()).isEqualTo(3);
    assertThat(syndicated.mergedSamePairs()).isZero();
    assertThat(syndicated.mergedPairs()).isEqualTo(2);
    assertThat(syndicated.recall()).isZero();
    assertThat(syndicated.precision()).isZero();
  }

  @Test
  void overallCountsEveryPairOnce() {
    QualityScore score = PairwiseScorer.score(LABELS, PREDICTED, List.of());

    // same pairs: 3 (A) + 1 (B) = 4, merged 1. merged pairs: 3 in X + 1 in Z = 4.
    assertThat(score.overall().samePairs()).isEqualTo(4);
    assertThat(score.overall().mergedPairs()).isEqualTo(4);
    assertThat(score.overall().recall()).isCloseTo(0.25, within(1e-9));
    assertThat(score.overall().precision()).isCloseTo(0.25, within(1e-9));
    assertThat(score.goldArticles()).isEqualTo(3);
    assertThat(score.predictedArticles()).isEqualTo(3);
  }

  @Test
  void hardNegativeRateIsMergedDifferentPairsOverAllDifferentPairsInTheGroups() {
    List<HardNegativeGroup> groups =
        List.of(new HardNegativeGroup("event", List.of("a0", "a1", "b0", "n0")), new HardNegativeGroup("site", List.of("b0", "n0")));

    QualityScore score = PairwiseScorer.score(LABELS, PREDICTED, groups);

    // event: different pairs (a0,b0) (a0,n0) (a1,b0) (a1,n0) (b0,n0) = 5, merged: (b0,n0). site: (b0,n0) already counted.
    assertThat(score.hardNegatives().get("event")).isEqualTo(new QualityScore.HardScore(5, 1));
    assertThat(score.hardNegatives().get("site")).isEqualTo(new QualityScore.HardScore(0, 0));
    assertThat(score.hardNegativesTotal().rate()).isCloseTo(0.2, within(1e-9));
  }

  @Test
  void aCandidateWithoutDecisionIsAnArticleOfItsOwn() {
    Map<String, String> predicted = Map.of("a0", "X", "a2", "X");

    QualityScore score = PairwiseScorer.score(LABELS, predicted, List.of());

    assertThat(score.kinds().get(DocKind.URL_VARIANT).recall()).isZero();
    assertThat(score.kinds().get(DocKind.SYNDICATED).mergedSamePairs()).isEqualTo(1);
    assertThat(score.predictedArticles()).isEqualTo(5);
  }
}
