package news.pipeline.app.dedup.similarity;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Exact set similarity, used to verify the candidates that LSH proposes. */
public final class Similarity {

  private Similarity() {}

  /**
   * Jaccard similarity of the sets of two collections: |A ∩ B| / |A ∪ B|. Duplicates count once.
   * Two empty inputs give 0.0, not 1.0: nothing shared is no evidence of a duplicate.
   *
   * <p>{@code jaccard(List.of("a", "b", "c"), List.of("b", "c", "d"))} is {@code 0.5}.
   */
  public static double jaccard(Collection<String> a, Collection<String> b) {
    Set<String> setA = a instanceof Set<String> s ? s : new HashSet<>(a);
    Set<String> setB = b instanceof Set<String> s ? s : new HashSet<>(b);
    if (setA.isEmpty() && setB.isEmpty()) {
      return 0.0;
    }
    Set<String> smaller = setA.size() <= setB.size() ? setA : setB;
    Set<String> larger = smaller == setA ? setB : setA;
    int shared = 0;
    for (String element : smaller) {
      if (larger.contains(element)) {
        shared++;
      }
    }
    return (double) shared / (setA.size() + setB.size() - shared);
  }
}
