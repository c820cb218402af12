package news.pipeline.app.dedup;

import java.util.List;
import news.pipeline.avro.internal.ClusterState;
import news.pipeline.avro.internal.DedupDocument;

/**
 * The state dedup keeps, as plain lookups. The index: remembered documents (with their union-find
 * parent), URL owners, LSH bands (a short list of document references each), one entry per
 * (article, member) and an
 * expiry index of articles by their latest event time. Beside it, the content: one entry per live
 * article (the canonical article as published, and which member represents it). The processor
 * backs it with Kafka Streams stores; tests and offline runs back it with maps, in the same binary
 * layout ({@link StateKeys}).
 */
public interface DedupStore {

  DedupDocument document(String documentId);

  void putDocument(String documentId, DedupDocument document);

  void deleteDocument(String documentId);

  /** A live article's content, or null. */
  ClusterState article(String articleId);

  void putArticle(String articleId, ClusterState state);

  void deleteArticle(String articleId);

  /** The document first seen with the normalized URL key of this hash ({@link StateKeys#urlHash}), or null. */
  String urlOwner(long urlHash);

  void putUrlOwner(long urlHash, String documentId);

  void deleteUrlOwner(long urlHash);

  /**
   * References ({@link StateKeys#reference}) of the newest documents filed under an LSH band code,
   * oldest first, at most {@code max}.
   */
  int[] band(int bandCode, int max);

  /** The remembered documents with this reference: usually one. */
  List<Remembered> documents(int reference);

  /** Files a document under a band; a band keeps its newest 64 documents, the oldest fall out. */
  void addToBand(int bandCode, String documentId);

  void removeFromBand(int bandCode, String documentId);

  /** Every document filed as a member of the article. */
  List<String> members(String articleId);

  void addMember(String articleId, String documentId);

  void removeMember(String articleId, String documentId);

  /** Files an article under its latest event time. */
  void putExpiry(long lastSeenMillis, String articleId);

  void deleteExpiry(long lastSeenMillis, String articleId);

  /** Articles whose latest event time is before {@code cutoffMillis}, oldest first, at most {@code max}. */
  List<Expiry> expiredArticles(long cutoffMillis, int max);

  /** A remembered document and its id. */
  record Remembered(String id, DedupDocument document) {}

  /** An entry of the expiry index. */
  record Expiry(long lastSeenMillis, String articleId) {}
}
