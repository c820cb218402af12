package news.pipeline.app.dedup;

import java.util.List;
import news.pipeline.avro.internal.ClusterState;
import news.pipeline.avro.internal.DedupDocument;

/**
 * The state dedup keeps, as plain lookups: remembered documents (with their union-find parent),
 * live articles, and the indexes from URL key and LSH band key to document ids. The processor backs
 * it with Kafka Streams stores; tests back it with maps.
 */
public interface DedupStore {

  DedupDocument document(String documentId);

  void putDocument(String documentId, DedupDocument document);

  ClusterState article(String articleId);

  void putArticle(String articleId, ClusterState state);

  void deleteArticle(String articleId);

  /** The document first seen with this normalized URL, or null. */
  String urlOwner(String urlKey);

  void putUrlOwner(String urlKey, String documentId);

  /** Documents filed under an LSH band key, oldest first; empty when none. */
  List<String> band(String bandKey);

  void putBand(String bandKey, List<String> documentIds);
}
