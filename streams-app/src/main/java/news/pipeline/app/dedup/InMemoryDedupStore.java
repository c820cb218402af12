package news.pipeline.app.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import news.pipeline.avro.internal.ClusterState;

/**
 * {@link DedupStore} over sorted maps of the same keys and values the Kafka Streams stores hold:
 * for tests, the dedup quality benchmark, the state-size measurement and offline runs.
 */
public final class InMemoryDedupStore extends TableDedupStore {

  public final NavigableMap<Bytes, byte[]> documents;
  public final NavigableMap<Bytes, byte[]> content;
  public final NavigableMap<Bytes, byte[]> urls;
  public final NavigableMap<Bytes, byte[]> bands;
  public final NavigableMap<Bytes, byte[]> members;
  public final NavigableMap<Bytes, byte[]> expiry;

  public InMemoryDedupStore() {
    this(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
  }

  private InMemoryDedupStore(
      NavigableMap<Bytes, byte[]> documents,
      NavigableMap<Bytes, byte[]> content,
      NavigableMap<Bytes, byte[]> urls,
      NavigableMap<Bytes, byte[]> bands,
      NavigableMap<Bytes, byte[]> members,
      NavigableMap<Bytes, byte[]> expiry) {
    super(table(documents), table(content), table(urls), table(bands), table(members), table(expiry));
    this.documents = documents;
    this.content = content;
    this.urls = urls;
    this.bands = bands;
    this.members = members;
    this.expiry = expiry;
  }

  /** How many documents are remembered (a document store value holds those of one reference). */
  public long rememberedDocuments() {
    return documents.values().stream().mapToLong(TableDedupStore::documentsIn).sum();
  }

  /** Every live article by id, decoded. */
  public Map<String, ClusterState> articles() {
    Map<String, ClusterState> articles = new TreeMap<>();
    for (Bytes key : content.keySet()) {
      String id = StateKeys.documentId(key.get());
      articles.put(id, article(id));
    }
    return articles;
  }

  private static Table table(NavigableMap<Bytes, byte[]> map) {
    return new Table() {
      @Override
      public byte[] get(Bytes key) {
        return map.get(key);
      }

      @Override
      public void put(Bytes key, byte[] value) {
        map.put(key, value);
      }

      @Override
      public void delete(Bytes key) {
        map.remove(key);
      }

      @Override
      public List<Bytes> keysWithPrefix(Bytes prefix, int max) {
        List<Bytes> keys = new ArrayList<>();
        for (Bytes key : map.tailMap(prefix, true).keySet()) {
          if (keys.size() >= max || !startsWith(key, prefix)) {
            break;
          }
          keys.add(key);
        }
        return keys;
      }

      @Override
      public List<Bytes> keysBelow(Bytes bound, int max) {
        List<Bytes> keys = new ArrayList<>();
        for (Bytes key : map.headMap(bound, false).keySet()) {
          if (keys.size() >= max) {
            break;
          }
          keys.add(key);
        }
        return keys;
      }
    };
  }

  private static boolean startsWith(Bytes key, Bytes prefix) {
    byte[] k = key.get();
    byte[] p = prefix.get();
    return k.length >= p.length && java.util.Arrays.equals(k, 0, p.length, p, 0, p.length);
  }
}
