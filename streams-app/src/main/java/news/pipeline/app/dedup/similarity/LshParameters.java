package news.pipeline.app.dedup.similarity;

/**
 * A banding of MinHash signatures: {@code bands} bands of {@code rows} rows. Two sets with Jaccard
 * {@code s} become LSH candidates with probability {@code 1 - (1 - s^rows)^bands}, the S-curve.
 *
 * @param rows rows per band; more rows make the curve steeper and lower
 * @param bands bands; more bands raise the curve and cost one more probe record per document
 */
public record LshParameters(int rows, int bands) {

  public LshParameters {
    if (rows < 1 || bands < 1) {
      throw new IllegalArgumentException(
          "rows and bands must be at least 1: " + rows + ", " + bands);
    }
  }

  /** The signature length these parameters need. */
  public int numHashes() {
    return rows * bands;
  }

  /** The probability that two sets with Jaccard {@code similarity} share at least one band. */
  public double candidateProbability(double similarity) {
    return 1 - Math.pow(1 - Math.pow(similarity, rows), bands);
  }

  /**
   * The banding with the fewest bands (probe records per document), then the fewest hashes, that
   * finds pairs at {@code threshold} with probability at least {@code minRecall} while pairs at
   * {@code noiseSimilarity} become candidates with probability at most {@code maxNoise}.
   *
   * @throws IllegalArgumentException when no banding with at most 16 rows and 200 bands qualifies
   */
  public static LshParameters choose(
      double threshold, double minRecall, double noiseSimilarity, double maxNoise) {
    for (int bands = 1; bands <= 200; bands++) {
      for (int rows = 1; rows <= 16; rows++) {
        LshParameters p = new LshParameters(rows, bands);
        if (p.candidateProbability(threshold) >= minRecall
            && p.candidateProbability(noiseSimilarity) <= maxNoise) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException(
        "no banding finds " + threshold + " with " + minRecall + " below noise " + maxNoise);
  }
}
