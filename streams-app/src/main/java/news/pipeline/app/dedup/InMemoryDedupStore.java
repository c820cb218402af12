package news.pipeline.app.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import news.pipeline.avro.internal.ClusterState;
import news.pipeline.avro.internal.DedupDocument;

/** {@link DedupStore} over hash maps: for tests, the dedup quality benchmark and offline runs. */
public final class InMemoryDedupStore implements DedupStore {

  public final Map<String, DedupDocument> documents = new HashMap<>();
  public final Map<String, ClusterState> articles = new HashMap<>();
  public final Map<String, String> urls = new HashMap<>();
  public final Map<String, List<String>> bands = new HashMap<>();
  public final TreeMap<String, Boolean> expiry = new TreeMap<>();

  @Override
  public DedupDocument document(String id) {
    DedupDocument doc = documents.get(id);
    return doc == null ? null : DedupDocument.newBuilder(doc).build();
  }

  @Override
  public void putDocument(String id, DedupDocument document) {
    documents.put(id, DedupDocument.newBuilder(document).build());
  }

  @Override
  public void deleteDocument(String id) {
    documents.remove(id);
  }

  @Override
  public ClusterState article(String id) {
    return articles.get(id);
  }

  @Override
  public void putArticle(String id, ClusterState state) {
    articles.put(id, state);
  }

  @Override
  public void deleteArticle(String id) {
    articles.remove(id);
  }

  @Override
  public String urlOwner(String key) {
    return urls.get(key);
  }

  @Override
  public void putUrlOwner(String key, String id) {
    urls.put(key, id);
  }

  @Override
  public void deleteUrlOwner(String key) {
    urls.remove(key);
  }

  @Override
  public List<String> band(String key) {
    return bands.getOrDefault(key, List.of());
  }

  @Override
  public void putBand(String key, List<String> ids) {
    if (ids.isEmpty()) {
      bands.remove(key);
    } else {
      bands.put(key, List.copyOf(ids));
    }
  }

  @Override
  public void putExpiry(long lastSeenMillis, String articleId) {
    expiry.put(DedupStore.expiryKey(lastSeenMillis, articleId), Boolean.TRUE);
  }

  @Override
  public void deleteExpiry(long lastSeenMillis, String articleId) {
    expiry.remove(DedupStore.expiryKey(lastSeenMillis, articleId));
  }

  @Override
  public List<Expiry> expiredArticles(long cutoffMillis, int max) {
    List<Expiry> ids = new ArrayList<>();
    for (String key : expiry.headMap(DedupStore.expiryKey(cutoffMillis, "")).keySet()) {
      if (ids.size() >= max) {
        break;
      }
      ids.add(Expiry.parse(key));
    }
    return ids;
  }
}
