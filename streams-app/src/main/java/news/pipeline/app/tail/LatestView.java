package news.pipeline.app.tail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a compacted topic holds once compaction has run: the latest value per key, with keys whose
 * latest record is a tombstone left out. Feed it records in offset order per key.
 */
public final class LatestView<T> {

  private final Map<String, T> latest = new HashMap<>();

  /** A new version for {@code key}, or a tombstone when {@code value} is null. */
  public void accept(String key, T value) {
    if (value == null) {
      latest.remove(key);
    } else {
      latest.put(key, value);
    }
  }

  /** The live values in the given order. */
  public List<T> live(Comparator<? super T> order) {
    List<T> values = new ArrayList<>(latest.values());
    values.sort(order);
    return values;
  }

  public int size() {
    return latest.size();
  }
}
