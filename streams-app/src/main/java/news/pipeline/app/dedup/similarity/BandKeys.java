package news.pipeline.app.dedup.similarity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The LSH match keys of a document's title and body, made with the fixed hashers and bandings of
 * {@link DedupThresholds}, so that every caller produces comparable keys. A document that cannot
 * match on a signal gets no keys for it: an uninformative title, a body under {@link
 * DedupThresholds#BODY_MIN_WORDS} words.
 *
 * <p>Title keys look like {@code title:3:9f2c…}, body keys like {@code body:17:03ab…}.
 */
public final class BandKeys {

  /** Namespace of title band keys. */
  public static final String TITLE_NAMESPACE = "title";

  /** Namespace of body band keys. */
  public static final String BODY_NAMESPACE = "body";

  private static final MinHasher TITLE_HASHER =
      new MinHasher(DedupThresholds.TITLE_LSH.numHashes(), DedupThresholds.MINHASH_SEED);
  private static final MinHasher BODY_HASHER =
      new MinHasher(DedupThresholds.BODY_LSH.numHashes(), DedupThresholds.MINHASH_SEED);

  private BandKeys() {}

  /** The features of a title: its distinct tokens. */
  public static Set<String> titleFeatures(NormalizedTitle title) {
    return new LinkedHashSet<>(title.tokens());
  }

  /** The features of a body: its distinct shingles of {@link DedupThresholds#BODY_SHINGLE_WORDS}. */
  public static Set<String> bodyFeatures(String text) {
    return Shingles.words(text, DedupThresholds.BODY_SHINGLE_WORDS);
  }

  /** The title's band keys; empty when the title is not informative. */
  public static List<String> title(NormalizedTitle title) {
    return title(title.tokens(), title.informative());
  }

  /** The band keys of a title's tokens; empty when the title is not informative. */
  public static List<String> title(List<String> tokens, boolean informative) {
    if (!informative || tokens.isEmpty()) {
      return List.of();
    }
    int[] signature = TITLE_HASHER.signature(new LinkedHashSet<>(tokens));
    return Lsh.bandKeys(TITLE_NAMESPACE, signature, DedupThresholds.TITLE_LSH.bands());
  }

  /** The body's band keys; empty when the body has fewer than the minimum words. */
  public static List<String> body(String text) {
    return body(bodySignature(text));
  }

  /**
   * The MinHash signature of a body's shingles, kept with the document to verify candidates; empty
   * when the body has fewer than the minimum words.
   */
  public static int[] bodySignature(String text) {
    if (text == null) {
      return new int[0];
    }
    // one tokenization, shingles hashed in place: the same signature as
    // BODY_HASHER.signature(bodyFeatures(text)) at a fraction of the allocation (profiled hot spot)
    List<String> words = Shingles.tokens(text);
    if (words.size() < DedupThresholds.BODY_MIN_WORDS) {
      return new int[0];
    }
    long[] hashes = Shingles.hashes(words, DedupThresholds.BODY_SHINGLE_WORDS);
    return BODY_HASHER.signatureOfHashes(hashes, hashes.length);
  }

  /** The band keys of a body signature; empty for an empty signature. */
  public static List<String> body(int[] signature) {
    if (signature.length == 0) {
      return List.of();
    }
    return Lsh.bandKeys(BODY_NAMESPACE, signature, DedupThresholds.BODY_LSH.bands());
  }
}
