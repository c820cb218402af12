package news.pipeline.app.dedup.similarity;

import java.util.ArrayList;
import java.util.List;

/**
 * Locality-sensitive hashing by banding: a MinHash signature of {@code bands * rows} values is cut
 * into {@code bands} runs of {@code rows}; two documents become candidates when any band is
 * identical, which happens with probability {@code 1 - (1 - s^rows)^bands} for Jaccard {@code s}
 * (see {@link LshParameters}).
 */
public final class Lsh {

  private Lsh() {}

  /**
   * One key per band: {@code namespace:bandIndex:hash}, the hash being 16 hex digits over the
   * band's rows. The band index is part of the key, so equal rows in different bands never
   * collide; the namespace keeps title and body keys apart.
   *
   * <p>{@code bandKeys("title", signature, 12)} gives {@code ["title:0:5f1c…", …, "title:11:…"]}.
   *
   * @param signature a MinHash signature whose length is a multiple of {@code bands}
   * @return the band keys, or an empty list for an empty signature
   * @throws IllegalArgumentException when {@code bands < 1} or does not divide the signature
   */
  public static List<String> bandKeys(String namespace, int[] signature, int bands) {
    if (bands < 1 || signature.length % bands != 0) {
      throw new IllegalArgumentException(
          "bands must divide the signature length: " + bands + " vs " + signature.length);
    }
    if (signature.length == 0) {
      return List.of();
    }
    List<String> keys = new ArrayList<>(bands);
    long[] hashes = bandHashes(signature, bands);
    for (int band = 0; band < bands; band++) {
      keys.add(namespace + ":" + band + ":" + hex16(hashes[band]));
    }
    return keys;
  }

  /**
   * The 64-bit hash of each band's rows: the hash in {@link #bandKeys}, without the namespace and
   * band index (callers that store keys in binary add those themselves).
   *
   * @param signature a MinHash signature whose length is a multiple of {@code bands}
   * @return one hash per band, or an empty array for an empty signature
   */
  public static long[] bandHashes(int[] signature, int bands) {
    if (bands < 1 || signature.length % bands != 0) {
      throw new IllegalArgumentException(
          "bands must divide the signature length: " + bands + " vs " + signature.length);
    }
    if (signature.length == 0) {
      return new long[0];
    }
    int rows = signature.length / bands;
    long[] hashes = new long[bands];
    for (int band = 0; band < bands; band++) {
      long h = Hashing.mix64(0x9e3779b97f4a7c15L + rows);
      for (int row = band * rows; row < (band + 1) * rows; row++) {
        h = Hashing.mix64(h ^ (signature[row] & 0xffffffffL)) + 0x9e3779b97f4a7c15L;
      }
      hashes[band] = h;
    }
    return hashes;
  }

  private static String hex16(long value) {
    String hex = Long.toHexString(value);
    return "0".repeat(16 - hex.length()) + hex;
  }
}
