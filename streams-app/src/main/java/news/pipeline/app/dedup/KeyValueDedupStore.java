package news.pipeline.app.dedup;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** {@link DedupStore} over Kafka Streams key-value stores of bytes (changelogged, restorable). */
public final class KeyValueDedupStore extends TableDedupStore {

  public KeyValueDedupStore(
      KeyValueStore<Bytes, byte[]> documents,
      KeyValueStore<Bytes, byte[]> content,
      KeyValueStore<Bytes, byte[]> urls,
      KeyValueStore<Bytes, byte[]> bands,
      KeyValueStore<Bytes, byte[]> members,
      KeyValueStore<Bytes, byte[]> expiry) {
    super(table(documents), table(content), table(urls), table(bands), table(members), table(expiry));
  }

  /** How many documents a {@code dedup-documents} value holds (those of one reference: almost always one). */
  public static int documentsIn(byte[] documentStoreValue) {
    return TableDedupStore.documentsIn(documentStoreValue);
  }

  private static Table table(KeyValueStore<Bytes, byte[]> store) {
    return new Table() {
      @Override
      public byte[] get(Bytes key) {
        return store.get(key);
      }

      @Override
      public void put(Bytes key, byte[] value) {
        store.put(key, value);
      }

      @Override
      public void delete(Bytes key) {
        store.delete(key);
      }

      @Override
      public List<Bytes> keysWithPrefix(Bytes prefix, int max) {
        try (KeyValueIterator<Bytes, byte[]> it = store.prefixScan(prefix, Serdes.Bytes().serializer())) {
          return collect(it, max);
        }
      }

      @Override
      public List<Bytes> keysBelow(Bytes bound, int max) {
        List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
          while (it.hasNext() && keys.size() < max) {
            Bytes key = it.next().key;
            if (key.compareTo(bound) >= 0) {
              break;
            }
            keys.add(key);
          }
        }
        return keys;
      }
    };
  }

  private static List<Bytes> collect(KeyValueIterator<Bytes, byte[]> it, int max) {
    List<Bytes> keys = new ArrayList<>();
    while (it.hasNext() && keys.size() < max) {
      keys.add(it.next().key);
    }
    return keys;
  }
}
