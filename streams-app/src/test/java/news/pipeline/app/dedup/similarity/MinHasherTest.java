package news.pipeline.app.dedup.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MinHasherTest {

  private static List<String> words(String prefix, int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> prefix + i).toList();
  }

  @Test
  void signatureHasOneValuePerHash() {
    assertThat(new MinHasher(60, 1).signature(List.of("a", "b"))).hasSize(60);
  }

  @Test
  void emptyInputGivesEmptySignature() {
    assertThat(new MinHasher(60, 1).signature(List.of())).isEmpty();
  }

  @Test
  void sameSeedGivesSameSignatureAcrossInstances() {
    List<String> features = words("w", 0, 50);
    assertThat(new MinHasher(64, 7).signature(features))
        .isEqualTo(new MinHasher(64, 7).signature(features));
  }

  @Test
  void differentSeedsGiveDifferentHashFunctions() {
    List<String> features = words("w", 0, 50);
    assertThat(new MinHasher(64, 7).signature(features))
        .isNotEqualTo(new MinHasher(64, 8).signature(features));
  }

  @Test
  void orderAndDuplicatesDoNotMatter() {
    MinHasher hasher = new MinHasher(32, 3);
    List<String> reversed = new ArrayList<>(List.of("c", "b", "a", "a"));
    assertThat(hasher.signature(reversed)).isEqualTo(hasher.signature(Set.of("a", "b", "c")));
  }

  @Test
  void identicalSetsEstimateOne() {
    MinHasher hasher = new MinHasher(60, 3);
    int[] sig = hasher.signature(words("w", 0, 12));
    assertThat(MinHasher.estimate(sig, hasher.signature(words("w", 0, 12)))).isEqualTo(1.0);
  }

  @Test
  void estimateIsCloseToTheExactJaccard() {
    MinHasher hasher = new MinHasher(1024, DedupThresholds.MINHASH_SEED);
    for (int shared : new int[] {0, 100, 300, 600}) {
      List<String> a = new ArrayList<>(words("s", 0, shared));
      a.addAll(words("a", 0, 600 - shared));
      List<String> b = new ArrayList<>(words("s", 0, shared));
      b.addAll(words("b", 0, 600 - shared));
      double exact = Similarity.jaccard(a, b);
      // standard error sqrt(J(1-J)/1024) <= 0.016; 0.05 is three of them
      assertThat(MinHasher.estimate(hasher.signature(a), hasher.signature(b)))
          .as("J = %.3f", exact)
          .isCloseTo(exact, within(0.05));
    }
  }

  @Test
  void hashValuesAreSpreadOverTheIntRange() {
    MinHasher hasher = new MinHasher(1, 11);
    Set<Integer> highBits =
        IntStream.range(0, 2000)
            .map(i -> hasher.signature(List.of("f" + i))[0] >>> 28)
            .boxed()
            .collect(Collectors.toSet());
    assertThat(highBits).hasSize(16);
  }

  @Test
  void signingTenThousandShinglesTakesMillisecondsNotSeconds() {
    MinHasher hasher = new MinHasher(DedupThresholds.BODY_LSH.numHashes(), 1);
    List<String> shingles = words("shingle number ", 0, 10_000);
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 30; i++) { // the best of many runs: robust to JIT warm-up and a busy host
      long start = System.nanoTime();
      hasher.signature(shingles);
      best = Math.min(best, System.nanoTime() - start);
    }
    assertThat(best / 1_000_000).as("best run in ms").isLessThan(50); // about 2 ms when compiled
  }

  @Test
  void estimateRejectsSignaturesOfDifferentLengths() {
    assertThatThrownBy(() -> MinHasher.estimate(new int[3], new int[4]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MinHasher.estimate(new int[0], new int[0])).isZero();
  }

  @Test
  void rejectsANonPositiveNumberOfHashes() {
    assertThatThrownBy(() -> new MinHasher(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
