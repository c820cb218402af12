package news.pipeline.app.dedup.similarity;

/**
 * The 64-bit hashing shared by {@link MinHasher} and {@link Lsh}. Fixed forever: signatures and
 * band keys are stored in state stores and compared across restarts and versions, so a change
 * here is a data migration.
 */
final class Hashing {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Hashing() {}

  /** FNV-1a over the UTF-16 code units, finished with {@link #mix64} for avalanche. */
  static long hash64(CharSequence s) {
    long h = FNV_OFFSET;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      h = (h ^ (c & 0xff)) * FNV_PRIME;
      h = (h ^ (c >>> 8)) * FNV_PRIME;
    }
    return mix64(h ^ s.length());
  }

  /**
   * {@link #hash64} of {@code words[from..to)} joined by single spaces, without building the
   * string: the same value as {@code hash64(String.join(" ", words.subList(from, to)))}.
   */
  static long hash64Joined(java.util.List<String> words, int from, int to) {
    long h = FNV_OFFSET;
    int length = 0;
    for (int w = from; w < to; w++) {
      if (w > from) {
        h = (h ^ ' ') * FNV_PRIME; // low byte of the space
        h = h * FNV_PRIME; // its high byte, 0
        length++;
      }
      String word = words.get(w);
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        h = (h ^ (c & 0xff)) * FNV_PRIME;
        h = (h ^ (c >>> 8)) * FNV_PRIME;
      }
      length += word.length();
    }
    return mix64(h ^ length);
  }

  /**
   * {@link #hash64} of the words {@code from} to {@code to - 1} joined by single spaces, where
   * word {@code w} is {@code chars[bounds[2w]..bounds[2w+1])}: the same value as {@link
   * #hash64Joined(java.util.List, int, int)} of those words as strings.
   */
  static long hash64Joined(char[] chars, int[] bounds, int from, int to) {
    long h = FNV_OFFSET;
    int length = 0;
    for (int w = from; w < to; w++) {
      if (w > from) {
        h = (h ^ ' ') * FNV_PRIME;
        h = h * FNV_PRIME;
        length++;
      }
      int start = bounds[2 * w];
      int end = bounds[2 * w + 1];
      for (int i = start; i < end; i++) {
        char c = chars[i];
        h = (h ^ (c & 0xff)) * FNV_PRIME;
        h = (h ^ (c >>> 8)) * FNV_PRIME;
      }
      length += end - start;
    }
    return mix64(h ^ length);
  }

  /** The MurmurHash3 64-bit finalizer: every input bit affects every output bit. */
  static long mix64(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
