package news.pipeline.app.bench;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A changelog folded as compaction (and a restore) would: the latest value per key, a tombstone
 * removing its key. Keeps only sizes, and optionally a count read from each latest value.
 */
final class LatestPerKey {

  private final Map<ByteBuffer, Integer> bytes = new HashMap<>();
  private final Map<ByteBuffer, Integer> counts = new HashMap<>();
  private final ToIntFunction<byte[]> countIn;

  /** @param countIn what to count in a value (e.g. the documents it remembers), or null for nothing */
  LatestPerKey(ToIntFunction<byte[]> countIn) {
    this.countIn = countIn;
  }

  /** One changelog record, in offset order; a null value is a tombstone. */
  void apply(byte[] key, byte[] value) {
    ByteBuffer k = ByteBuffer.wrap(key);
    if (value == null) {
      bytes.remove(k);
      counts.remove(k);
    } else {
      bytes.put(k, key.length + value.length);
      if (countIn != null) {
        counts.put(k, countIn.applyAsInt(value));
      }
    }
  }

  /** Live keys. */
  int keys() {
    return bytes.size();
  }

  /** Key and value bytes of the latest value of each live key. */
  long bytes() {
    return bytes.values().stream().mapToLong(Integer::longValue).sum();
  }

  /** The count summed over the latest value of each live key; 0 without a count function. */
  long count() {
    return counts.values().stream().mapToLong(Integer::longValue).sum();
  }
}
