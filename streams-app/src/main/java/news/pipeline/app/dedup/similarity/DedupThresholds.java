package news.pipeline.app.dedup.similarity;

/**
 * The constants that turn similarities into matches, and how each was chosen. They are part of
 * the stored data: band keys made with one set of values do not meet band keys made with another,
 * so a change needs a replay of the dedup horizon.
 *
 * <h2>Titles</h2>
 *
 * A title alone merges two documents only when it is a near-identical headline: the same
 * headline with one word changed in about ten. Token-set Jaccard for that edit is 9/11 = 0.818
 * (one word replaced in ten), 9/10 = 0.9 (one word dropped) and 11/13 = 0.846 (one replaced in
 * twelve); two words replaced in twelve give 10/14 = 0.714, and one word replaced in eight gives
 * 7/9 = 0.778, which stays apart on purpose because short headlines collide more easily. Hence
 * {@link #TITLE_JACCARD} = 0.8. In seed 001 this joins the Boston Globe and Charlotte Observer
 * headlines (11/12 once " | Charlotte Observer" is removed) and the Houston Chronicle wire copy
 * with the Boston Globe (11/13, "face" vs "facial"), and nothing else.
 *
 * <h2>Bodies</h2>
 *
 * Bodies are compared on {@link #BODY_SHINGLE_WORDS}-word shingles: five words are specific
 * enough that unrelated articles share almost none (quoting the same press statement gives a few
 * per cent), and short enough that a syndicated copy keeps most of them. With k = 5 a changed word
 * breaks five shingles, so Jaccard 0.6 allows one changed word in twenty, or one copy cut by 40 %
 * (3/5). Hence {@link #BODY_JACCARD} = 0.6. Bodies under {@link #BODY_MIN_WORDS} words are
 * excerpts or teasers, not bodies, and do not take part.
 *
 * <h2>LSH banding</h2>
 *
 * Each signal's banding is the output of {@link LshParameters#choose}: the fewest bands (each band
 * is one probe record per document and one store entry) that find pairs at the threshold with
 * probability at least {@link #LSH_MIN_RECALL} while keeping background pairs rare. Background for
 * titles is Jaccard 0.2 (unrelated headlines sharing a few function words); for 5-word body
 * shingles it is 0.05 (same-story articles sharing one quote). At most {@link #LSH_MAX_NOISE} of
 * such pairs may become candidates. Candidates are always verified with the exact Jaccard, so
 * the banding only costs work, never a wrong merge.
 *
 * <ul>
 *   <li>titles: 12 bands of 5 rows, 60 hashes: P(0.8) = 0.991, P(0.5) = 0.32, P(0.2) = 0.004
 *   <li>bodies: 19 bands of 3 rows, 57 hashes: P(0.6) = 0.990, P(0.3) = 0.41, P(0.05) = 0.002
 * </ul>
 */
public final class DedupThresholds {

  /** Token-set Jaccard at or above which two informative titles match. */
  public static final double TITLE_JACCARD = 0.8;

  /** Informative (not stop, generic or calendar) words a title needs to match on its own. */
  public static final int TITLE_MIN_INFORMATIVE_TOKENS = 3;

  /** Words per body shingle. */
  public static final int BODY_SHINGLE_WORDS = 5;

  /** Shingle-set Jaccard at or above which two bodies match. */
  public static final double BODY_JACCARD = 0.6;

  /** Words each body needs before it is compared. */
  public static final int BODY_MIN_WORDS = 50;

  /** Probability with which LSH must propose a pair that sits exactly at the threshold. */
  public static final double LSH_MIN_RECALL = 0.99;

  /** Most probability with which LSH may propose a background pair. */
  public static final double LSH_MAX_NOISE = 0.01;

  /** Jaccard of unrelated titles that share only function words. */
  public static final double TITLE_BACKGROUND_JACCARD = 0.2;

  /** Jaccard of distinct same-story bodies that share one quoted statement. */
  public static final double BODY_BACKGROUND_JACCARD = 0.05;

  /** Banding of title signatures (over the title tokens). */
  public static final LshParameters TITLE_LSH = new LshParameters(5, 12);

  /** Banding of body signatures (over the body shingles). */
  public static final LshParameters BODY_LSH = new LshParameters(3, 19);

  /** Seed of every {@link MinHasher}; fixed forever, like the banding. */
  public static final long MINHASH_SEED = 0x6e657773L; // "news"

  private DedupThresholds() {}
}
