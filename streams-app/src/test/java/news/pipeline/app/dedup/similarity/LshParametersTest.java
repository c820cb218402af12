package news.pipeline.app.dedup.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The LSH banding of titles and bodies: chosen by {@link LshParameters#choose} from the thresholds,
 * checked on the S-curve 1-(1-s^r)^b and by simulation with the real {@link MinHasher}.
 */
class LshParametersTest {

  private static final double[] CURVE_POINTS = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

  private static String sCurve(String name, LshParameters p) {
    StringBuilder sb = new StringBuilder(String.format("%s: %d bands x %d rows = %d hashes%n",
        name, p.bands(), p.rows(), p.numHashes()));
    for (double s : CURVE_POINTS) {
      sb.append(String.format("  s=%.2f  P(candidate)=%.4f%n", s, p.candidateProbability(s)));
    }
    return sb.toString();
  }

  @Test
  void titleBandingIsTheFewestBandsMeetingRecallAndNoise() {
    LshParameters chosen =
        LshParameters.choose(
            DedupThresholds.TITLE_JACCARD,
            DedupThresholds.LSH_MIN_RECALL,
            DedupThresholds.TITLE_BACKGROUND_JACCARD,
            DedupThresholds.LSH_MAX_NOISE);
    System.out.print(sCurve("title", chosen));
    assertThat(chosen).isEqualTo(DedupThresholds.TITLE_LSH).isEqualTo(new LshParameters(5, 12));
  }

  @Test
  void bodyBandingIsTheFewestBandsMeetingRecallAndNoise() {
    LshParameters chosen =
        LshParameters.choose(
            DedupThresholds.BODY_JACCARD,
            DedupThresholds.LSH_MIN_RECALL,
            DedupThresholds.BODY_BACKGROUND_JACCARD,
            DedupThresholds.LSH_MAX_NOISE);
    System.out.print(sCurve("body", chosen));
    assertThat(chosen).isEqualTo(DedupThresholds.BODY_LSH).isEqualTo(new LshParameters(3, 19));
  }

  @Test
  void sCurveAtTheThresholdsReachesTheRecall() {
    LshParameters title = DedupThresholds.TITLE_LSH;
    LshParameters body = DedupThresholds.BODY_LSH;
    assertThat(title.candidateProbability(DedupThresholds.TITLE_JACCARD))
        .as(sCurve("title", title))
        .isGreaterThanOrEqualTo(0.99)
        .isCloseTo(0.9914, within(1e-4));
    assertThat(title.candidateProbability(DedupThresholds.TITLE_BACKGROUND_JACCARD))
        .isLessThanOrEqualTo(0.01);
    assertThat(body.candidateProbability(DedupThresholds.BODY_JACCARD))
        .as(sCurve("body", body))
        .isGreaterThanOrEqualTo(0.99)
        .isCloseTo(0.9902, within(1e-4));
    assertThat(body.candidateProbability(DedupThresholds.BODY_BACKGROUND_JACCARD))
        .isLessThanOrEqualTo(0.01);
  }

  @Test
  void fewerBandsWouldMissThresholdPairsOrAdmitBackground() {
    for (int bands = 1; bands < 12; bands++) {
      for (int rows = 1; rows <= 16; rows++) {
        LshParameters p = new LshParameters(rows, bands);
        assertThat(p.candidateProbability(0.8) < 0.99 || p.candidateProbability(0.2) > 0.01)
            .as("%s", p)
            .isTrue();
      }
    }
  }

  @Test
  void simulatedTitlePairsAtTheThresholdAreFound() {
    // ten-word titles with one word replaced: Jaccard 9/11 = 0.818, just above the threshold
    double found = simulate(DedupThresholds.TITLE_LSH, 9, 1, 2000);
    assertThat(found).isGreaterThanOrEqualTo(0.985); // expected 0.996
  }

  @Test
  void simulatedBodyPairsAtTheThresholdAreFound() {
    // 300 shingles, 3/4 shared: Jaccard 225/375 = 0.6, exactly the threshold
    double found = simulate(DedupThresholds.BODY_LSH, 225, 75, 1000);
    assertThat(found).isGreaterThanOrEqualTo(0.98); // expected 0.990
  }

  @Test
  void simulatedUnrelatedTitlesRarelyCollide() {
    // ten-word titles sharing three function words: Jaccard 3/17 = 0.18
    double found = simulate(DedupThresholds.TITLE_LSH, 3, 7, 2000);
    assertThat(found).isLessThan(0.01); // expected 0.002
  }

  @Test
  void chooseRejectsImpossibleDemands() {
    assertThatThrownBy(() -> LshParameters.choose(0.5, 0.99, 0.49, 0.01))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LshParameters(0, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The fraction of pairs sharing a band key, for pairs of sets with {@code shared} common and
   * {@code own} distinct features each; every trial uses fresh feature strings.
   */
  private static double simulate(LshParameters p, int shared, int own, int trials) {
    MinHasher hasher = new MinHasher(p.numHashes(), DedupThresholds.MINHASH_SEED);
    int found = 0;
    for (int t = 0; t < trials; t++) {
      List<String> a = new ArrayList<>();
      List<String> b = new ArrayList<>();
      for (int i = 0; i < shared; i++) {
        a.add("t" + t + "s" + i);
        b.add("t" + t + "s" + i);
      }
      for (int i = 0; i < own; i++) {
        a.add("t" + t + "a" + i);
        b.add("t" + t + "b" + i);
      }
      Set<String> keysA = new HashSet<>(Lsh.bandKeys("x", hasher.signature(a), p.bands()));
      if (Lsh.bandKeys("x", hasher.signature(b), p.bands()).stream().anyMatch(keysA::contains)) {
        found++;
      }
    }
    return (double) found / trials;
  }
}
