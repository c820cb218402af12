package news.pipeline.app.dedup.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimilarityTest {

  @Test
  void jaccardIsSharedOverUnion() {
    assertThat(Similarity.jaccard(List.of("a", "b", "c"), List.of("b", "c", "d"))).isEqualTo(0.5);
  }

  @Test
  void duplicatesCountOnce() {
    assertThat(Similarity.jaccard(List.of("a", "a", "b"), Set.of("a", "b"))).isEqualTo(1.0);
  }

  @Test
  void disjointSetsHaveZero() {
    assertThat(Similarity.jaccard(Set.of("a"), Set.of("b"))).isZero();
  }

  @Test
  void emptySetsHaveZeroNotOne() {
    assertThat(Similarity.jaccard(List.of(), List.of())).isZero();
    assertThat(Similarity.jaccard(List.of("a"), List.of())).isZero();
  }

  @Test
  void jaccardIsSymmetric() {
    List<String> a = List.of("x", "y", "z", "w");
    List<String> b = List.of("y", "z");
    assertThat(Similarity.jaccard(a, b)).isEqualTo(Similarity.jaccard(b, a)).isEqualTo(0.5);
  }
}
