package news.pipeline.app.dedup.quality;

import java.util.Map;

/**
 * Pairwise figures of one run (see {@link PairwiseScorer} for the definitions).
 *
 * @param kinds figures per pair kind
 * @param overall figures over all pairs
 * @param hardNegatives hard negative pairs per group label
 * @param goldArticles distinct golds among the candidates
 * @param predictedArticles distinct articles dedup produced (rejected candidates count one each)
 */
public record QualityScore(
    Map<DocKind, KindScore> kinds, KindScore overall, Map<String, HardScore> hardNegatives, int goldArticles,
    int predictedArticles) {

  /**
   * @param samePairs pairs that are one article
   * @param mergedSamePairs of those, the ones dedup merged
   * @param mergedPairs all pairs dedup merged
   */
  public record KindScore(long samePairs, long mergedSamePairs, long mergedPairs) {

    /** Merged same pairs over same pairs; 1 when there are none. */
    public double recall() {
      return samePairs == 0 ? 1.0 : (double) mergedSamePairs / samePairs;
    }

    /** Merged same pairs over merged pairs; 1 when nothing was merged. */
    public double precision() {
      return mergedPairs == 0 ? 1.0 : (double) mergedSamePairs / mergedPairs;
    }

    public long falselyMergedPairs() {
      return mergedPairs - mergedSamePairs;
    }
  }

  /** @param pairs hard negative pairs; @param merged of those, the ones dedup merged */
  public record HardScore(long pairs, long merged) {

    public double rate() {
      return pairs == 0 ? 0.0 : (double) merged / pairs;
    }
  }

  /** All hard negative pairs together. */
  public HardScore hardNegativesTotal() {
    long pairs = hardNegatives.values().stream().mapToLong(HardScore::pairs).sum();
    long merged = hardNegatives.values().stream().mapToLong(HardScore::merged).sum();
    return new HardScore(pairs, merged);
  }
}
