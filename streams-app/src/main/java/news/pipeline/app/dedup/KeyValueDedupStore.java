package news.pipeline.app.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import news.pipeline.avro.internal.ClusterState;
import news.pipeline.avro.internal.DedupDocument;

/** {@link DedupStore} over Kafka Streams key-value stores (changelogged, restorable). */
public final class KeyValueDedupStore implements DedupStore {

  private final KeyValueStore<String, DedupDocument> documents;
  private final KeyValueStore<String, ClusterState> articles;
  private final KeyValueStore<String, String> urls;
  private final KeyValueStore<String, String> bands;
  private final KeyValueStore<String, String> expiry;

  public KeyValueDedupStore(
      KeyValueStore<String, DedupDocument> documents,
      KeyValueStore<String, ClusterState> articles,
      KeyValueStore<String, String> urls,
      KeyValueStore<String, String> bands,
      KeyValueStore<String, String> expiry) {
    this.documents = documents;
    this.articles = articles;
    this.urls = urls;
    this.bands = bands;
    this.expiry = expiry;
  }

  @Override
  public DedupDocument document(String documentId) {
    return documents.get(documentId);
  }

  @Override
  public void putDocument(String documentId, DedupDocument document) {
    documents.put(documentId, document);
  }

  @Override
  public void deleteDocument(String documentId) {
    documents.delete(documentId);
  }

  @Override
  public ClusterState article(String articleId) {
    return articles.get(articleId);
  }

  @Override
  public void putArticle(String articleId, ClusterState state) {
    articles.put(articleId, state);
  }

  @Override
  public void deleteArticle(String articleId) {
    articles.delete(articleId);
  }

  @Override
  public String urlOwner(String urlKey) {
    return urls.get(urlKey);
  }

  @Override
  public void putUrlOwner(String urlKey, String documentId) {
    urls.put(urlKey, documentId);
  }

  @Override
  public void deleteUrlOwner(String urlKey) {
    urls.delete(urlKey);
  }

  @Override
  public List<String> band(String bandKey) {
    String ids = bands.get(bandKey);
    return ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split("\n"));
  }

  @Override
  public void putBand(String bandKey, List<String> documentIds) {
    if (documentIds.isEmpty()) {
      bands.delete(bandKey);
    } else {
      bands.put(bandKey, String.join("\n", documentIds));
    }
  }

  @Override
  public void putExpiry(long lastSeenMillis, String articleId) {
    expiry.put(DedupStore.expiryKey(lastSeenMillis, articleId), "");
  }

  @Override
  public void deleteExpiry(long lastSeenMillis, String articleId) {
    expiry.delete(DedupStore.expiryKey(lastSeenMillis, articleId));
  }

  @Override
  public List<Expiry> expiredArticles(long cutoffMillis, int max) {
    List<Expiry> ids = new ArrayList<>();
    try (KeyValueIterator<String, String> it = expiry.range(null, DedupStore.expiryKey(cutoffMillis, ""))) {
      while (it.hasNext() && ids.size() < max) {
        String key = it.next().key;
        if (key.compareTo(DedupStore.expiryKey(cutoffMillis, "")) < 0) {
          ids.add(Expiry.parse(key));
        }
      }
    }
    return ids;
  }
}
