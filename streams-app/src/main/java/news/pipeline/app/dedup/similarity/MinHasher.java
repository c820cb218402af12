package news.pipeline.app.dedup.similarity;

import java.util.Arrays;
import java.util.Collection;
import java.util.SplittableRandom;

/**
 * MinHash signatures: the fraction of positions where two signatures agree estimates the Jaccard
 * similarity of the two feature sets.
 *
 * <p>Each feature is hashed once to 64 bits; the {@code numHashes} hash functions are then {@code
 * h_i(x) = (a_i * x + b_i) mod p} with {@code p = 2^61 - 1}, a universal family whose {@code a_i,
 * b_i} come from {@code seed}. The same {@code (numHashes, seed)} gives the same signatures in
 * every process; keep both fixed once signatures are stored.
 *
 * <p>{@code new MinHasher(60, 42).signature(Shingles.words(text, 1))}
 */
public final class MinHasher {

  private static final long MERSENNE_61 = (1L << 61) - 1;

  private final long[] a;
  private final long[] b;

  /**
   * @param numHashes signature length, at least 1
   * @param seed chooses the hash functions
   */
  public MinHasher(int numHashes, long seed) {
    if (numHashes < 1) {
      throw new IllegalArgumentException("numHashes must be at least 1: " + numHashes);
    }
    SplittableRandom random = new SplittableRandom(seed);
    a = new long[numHashes];
    b = new long[numHashes];
    for (int i = 0; i < numHashes; i++) {
      a[i] = 1 + random.nextLong(MERSENNE_61 - 1);
      b[i] = random.nextLong(MERSENNE_61);
    }
  }

  /** The signature length. */
  public int numHashes() {
    return a.length;
  }

  /**
   * The signature of a feature set; duplicates do not matter.
   *
   * @return {@code numHashes} values, or an empty array for empty input
   */
  public int[] signature(Collection<String> features) {
    if (features.isEmpty()) {
      return new int[0];
    }
    long[] hashes = new long[features.size()];
    int n = 0;
    for (String feature : features) {
      hashes[n++] = Hashing.hash64(feature);
    }
    return signatureOfHashes(hashes, n);
  }

  /**
   * The signature of the features whose {@link Hashing#hash64} values are {@code hashes[0..count)}:
   * the same as {@link #signature} of those features. Repeated hashes do not matter (a minimum
   * is a minimum), so callers need not build a set.
   *
   * @return {@code numHashes} values, or an empty array when {@code count} is 0
   */
  int[] signatureOfHashes(long[] hashes, int count) {
    if (count == 0) {
      return new int[0];
    }
    long[] min = new long[a.length];
    Arrays.fill(min, Long.MAX_VALUE);
    for (int f = 0; f < count; f++) {
      long x = reduce(hashes[f]);
      for (int i = 0; i < a.length; i++) {
        long h = reduce(mulMod(a[i], x) + b[i]);
        if (h < min[i]) {
          min[i] = h;
        }
      }
    }
    int[] signature = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      signature[i] = (int) (min[i] ^ (min[i] >>> 32));
    }
    return signature;
  }

  /**
   * The Jaccard estimate of two signatures made by the same hasher: the fraction of agreeing
   * positions. Empty signatures give 0.0.
   *
   * @throws IllegalArgumentException when the lengths differ (signatures of different hashers)
   */
  public static double estimate(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "signature lengths differ: " + a.length + " vs " + b.length);
    }
    if (a.length == 0) {
      return 0.0;
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  /** (x * y) mod 2^61-1 for x, y < 2^61, from the 122-bit product. */
  private static long mulMod(long x, long y) {
    long high = Math.multiplyHigh(x, y);
    long low = x * y;
    return reduce((low & MERSENNE_61) + ((low >>> 61) | (high << 3)));
  }

  /** Reduces a 64-bit value, read as unsigned, modulo 2^61-1 (to a value at most 2^61-1). */
  private static long reduce(long x) {
    long r = (x & MERSENNE_61) + (x >>> 61);
    return r >= MERSENNE_61 ? r - MERSENNE_61 : r;
  }
}
