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
 * <p>Title keys look like {@code t:3:9f2c…}, body keys like {@code b:17:03ab…} (short: they are
 * stored once per band and document).
 */
public final class BandKeys {

  /** Namespace of title band keys. */
  public static final String TITLE_NAMESPACE = "t";

  /** Namespace of body band keys. */
  public static final String BODY_NAMESPACE = "b";

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
    return Lsh.bandKeys(TITLE_NAMESPACE, titleSignature(titleHashes(tokens)), DedupThresholds.TITLE_LSH.bands());
  }

  /**
   * A title's distinct tokens as 32-bit hashes (the high half of {@link Hashing#hash64}), sorted:
   * what dedup keeps of a title, 4 bytes a token. Token Jaccard over these equals the Jaccard over
   * the tokens unless two tokens share a hash (about one pair in 4 billion), and the title's
   * MinHash is computed from them, so its bands can be recomputed from the state.
   */
  public static int[] titleHashes(List<String> tokens) {
    int[] hashes = new int[tokens.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = (int) (Hashing.hash64(tokens.get(i)) >>> 32);
    }
    return java.util.Arrays.stream(hashes).sorted().distinct().toArray();
  }

  private static int[] titleSignature(int[] tokenHashes) {
    long[] features = new long[tokenHashes.length];
    for (int i = 0; i < features.length; i++) {
      features[i] = tokenHashes[i] & 0xFFFFFFFFL;
    }
    return TITLE_HASHER.signatureOfHashes(features, features.length);
  }

  /** Token Jaccard of two titles given as {@link #titleHashes}: shared over all distinct tokens. */
  public static double titleSimilarity(int[] a, int[] b) {
    if (a.length == 0 && b.length == 0) {
      return 0.0;
    }
    int shared = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) shared / (a.length + b.length - shared);
  }

  /** {@link #titleHashes} as bytes for state, 4 per token, big-endian. */
  public static byte[] packTitle(int[] tokenHashes) {
    java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(4 * tokenHashes.length);
    out.asIntBuffer().put(tokenHashes);
    return out.array();
  }

  /** The inverse of {@link #packTitle}. */
  public static int[] unpackTitle(byte[] bytes) {
    int[] hashes = new int[bytes.length / 4];
    java.nio.ByteBuffer.wrap(bytes).asIntBuffer().get(hashes);
    return hashes;
  }

  /** The body's band keys; empty when the body has fewer than the minimum words. */
  public static List<String> body(String text) {
    return body(bodySignature(text));
  }

  /**
   * The MinHash signature of a body's shingles, kept with the document to verify candidates; empty
   * when the body has fewer than the minimum words. Each value keeps its low {@link #SKETCH_BITS}
   * bits (b-bit MinHash): two unrelated values then agree by chance once in 256, which {@link
   * #similarity} takes out of the estimate, and the sketch dedup keeps per document is one byte a
   * value. Bands hash three such values each: unrelated bodies share a band once in 16.7 million.
   */
  public static int[] bodySignature(String text) {
    if (text == null) {
      return new int[0];
    }
    // one tokenization, shingles hashed in place from the text's characters: the same signature
    // as BODY_HASHER.signature(bodyFeatures(text)) at a fraction of the allocation (profiled hot spot)
    long[] hashes = Shingles.hashesOfText(text, DedupThresholds.BODY_SHINGLE_WORDS, DedupThresholds.BODY_MIN_WORDS);
    if (hashes.length == 0) {
      return new int[0];
    }
    int[] signature = BODY_HASHER.signatureOfHashes(hashes, hashes.length);
    for (int i = 0; i < signature.length; i++) {
      signature[i] &= SKETCH_MASK;
    }
    return signature;
  }

  /** Bits kept of each body signature value. */
  public static final int SKETCH_BITS = 8;

  private static final int SKETCH_MASK = (1 << SKETCH_BITS) - 1;

  /**
   * The estimated Jaccard similarity of two bodies from their signatures: the share of agreeing
   * values, less the share that agrees by chance when only {@link #SKETCH_BITS} bits are kept
   * ({@code (agree - 2^-b) / (1 - 2^-b)}, at least 0).
   */
  public static double similarity(int[] a, int[] b) {
    double chance = 1.0 / (1 << SKETCH_BITS);
    return Math.max(0.0, (MinHasher.estimate(a, b) - chance) / (1 - chance));
  }

  /** A body signature as bytes for state, one per value. */
  public static byte[] pack(int[] signature) {
    byte[] bytes = new byte[signature.length];
    for (int i = 0; i < signature.length; i++) {
      bytes[i] = (byte) signature[i];
    }
    return bytes;
  }

  /** The inverse of {@link #pack(int[])}. */
  public static int[] unpack(byte[] bytes) {
    int[] signature = new int[bytes.length];
    for (int i = 0; i < signature.length; i++) {
      signature[i] = bytes[i] & 0xFF;
    }
    return signature;
  }

  /**
   * The title's band keys as 32-bit codes, the form the dedup state stores: the band's number (0
   * to 11) in the top 5 bits, 27 bits of the band's hash below. Two different bands that share a
   * code only make an extra candidate, which verification then refuses.
   */
  public static int[] titleCodes(int[] tokenHashes, boolean informative) {
    if (!informative || tokenHashes.length == 0) {
      return new int[0];
    }
    return codes(Lsh.bandHashes(titleSignature(tokenHashes), DedupThresholds.TITLE_LSH.bands()), 0);
  }

  /** The body's band keys as 32-bit codes (see {@link #titleCodes}), band numbers 12 to 30. */
  public static int[] bodyCodes(int[] signature) {
    if (signature.length == 0) {
      return new int[0];
    }
    return codes(Lsh.bandHashes(signature, DedupThresholds.BODY_LSH.bands()), DedupThresholds.TITLE_LSH.bands());
  }

  private static int[] codes(long[] hashes, int firstBand) {
    int[] codes = new int[hashes.length];
    for (int band = 0; band < hashes.length; band++) {
      codes[band] = ((firstBand + band) << 27) | (int) (hashes[band] >>> 37);
    }
    return codes;
  }

  /** The band keys of a body signature; empty for an empty signature. */
  public static List<String> body(int[] signature) {
    if (signature.length == 0) {
      return List.of();
    }
    return Lsh.bandKeys(BODY_NAMESPACE, signature, DedupThresholds.BODY_LSH.bands());
  }
}
