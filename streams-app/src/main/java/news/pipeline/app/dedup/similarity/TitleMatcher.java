package news.pipeline.app.dedup.similarity;

import java.util.Collection;
import java.util.Optional;

/** The title and body match predicates: verification of LSH candidates, on exact Jaccard. */
public final class TitleMatcher {

  private TitleMatcher() {}

  /**
   * Whether two titles name the same article on their own.
   *
   * @return the token-set Jaccard when both titles are informative and it reaches {@link
   *     DedupThresholds#TITLE_JACCARD}; empty otherwise
   */
  public static Optional<Double> titleMatch(NormalizedTitle a, NormalizedTitle b) {
    if (!a.informative() || !b.informative()) {
      return Optional.empty();
    }
    double similarity = Similarity.jaccard(a.tokens(), b.tokens());
    return similarity >= DedupThresholds.TITLE_JACCARD ? Optional.of(similarity) : Optional.empty();
  }

  /**
   * Whether two bodies are copies of one article.
   *
   * @param a the {@link DedupThresholds#BODY_SHINGLE_WORDS}-word shingles of one body
   * @param b those of the other
   * @return the shingle-set Jaccard when both bodies are long enough ({@link
   *     DedupThresholds#BODY_MIN_WORDS} words) and it reaches {@link DedupThresholds#BODY_JACCARD};
   *     empty otherwise
   */
  public static Optional<Double> bodyMatch(Collection<String> a, Collection<String> b) {
    int minShingles = DedupThresholds.BODY_MIN_WORDS - DedupThresholds.BODY_SHINGLE_WORDS + 1;
    if (a.size() < minShingles || b.size() < minShingles) {
      return Optional.empty();
    }
    double similarity = Similarity.jaccard(a, b);
    return similarity >= DedupThresholds.BODY_JACCARD ? Optional.of(similarity) : Optional.empty();
  }
}
