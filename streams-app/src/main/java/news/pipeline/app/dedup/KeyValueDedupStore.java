package news.pipeline.app.dedup;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import news.pipeline.avro.internal.ClusterState;
import news.pipeline.avro.internal.DedupDocument;

/** {@link DedupStore} over four Kafka Streams key-value stores (changelogged, restorable). */
public final class KeyValueDedupStore implements DedupStore {

  private final KeyValueStore<String, DedupDocument> documents;
  private final KeyValueStore<String, ClusterState> articles;
  private final KeyValueStore<String, String> urls;
  private final KeyValueStore<String, String> bands;

  public KeyValueDedupStore(
      KeyValueStore<String, DedupDocument> documents,
      KeyValueStore<String, ClusterState> articles,
      KeyValueStore<String, String> urls,
      KeyValueStore<String, String> bands) {
    this.documents = documents;
    this.articles = articles;
    this.urls = urls;
    this.bands = bands;
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
  public List<String> band(String bandKey) {
    String ids = bands.get(bandKey);
    return ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split("\n"));
  }

  @Override
  public void putBand(String bandKey, List<String> documentIds) {
    bands.put(bandKey, String.join("\n", documentIds));
  }
}
