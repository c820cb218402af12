package news.pipeline.url;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A thread-safe memo of a pure function with a size bound: when full it is emptied and fills
 * again, which keeps a crawl's working set (its hosts, its feed parameters) without an LRU's
 * bookkeeping on every hit. Public so other modules' memos (the cleaner's class-name tests) share it.
 */
public final class BoundedCache<K, V> {

  private final int capacity;
  private final Map<K, V> entries = new ConcurrentHashMap<>();

  public BoundedCache(int capacity) {
    this.capacity = capacity;
  }

  /** The function's value for the key, computed once while the key stays cached. */
  public V get(K key, Function<K, V> function) {
    V value = entries.get(key);
    if (value == null) {
      value = function.apply(key);
      if (entries.size() >= capacity) {
        entries.clear();
      }
      entries.put(key, value);
    }
    return value;
  }
}
