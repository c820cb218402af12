package news.pipeline.app.topology;

/**
 * The default names of the topics that form the public contract (each can be renamed in config,
 * e.g. a versioned canonical topic for a side-by-side replay), and the names of internal
 * resources.
 */
public final class Topics {

  public static final String RAW = "news.documents.raw.v1";
  public static final String CANONICAL = "news.articles.canonical.v1";
  public static final String DUPLICATES = "news.articles.duplicates.v1";
  public static final String REJECTED = "news.documents.rejected.v1";

  /**
   * Suffix of the topic that feeds dedup, after the application id: one partition, so one task
   * decides in one order. It is also the candidate log dedup reads representatives back from, so
   * it is an ordinary topic with time retention, not a repartition topic Kafka Streams purges.
   */
  public static final String DEDUP_CANDIDATES = "dedup-candidates";

  /** The dedup candidates topic of an application. */
  public static String candidates(news.pipeline.app.config.PipelineConfig config) {
    return config.applicationId() + "-" + DEDUP_CANDIDATES;
  }

  /** The dedup index stores: small entries with compact binary keys. */
  public static final String STORE_DOCUMENTS = "dedup-documents";
  public static final String STORE_URLS = "dedup-url-index";
  public static final String STORE_BANDS = "dedup-band-index";
  public static final String STORE_MEMBERS = "dedup-members";
  public static final String STORE_EXPIRY = "dedup-expiry-index";

  /** The dedup article store: each live article's membership and representative, compressed. */
  public static final String STORE_CONTENT = "dedup-content";

  /** Every dedup store, the index ones first. */
  public static final java.util.List<String> DEDUP_STORES =
      java.util.List.of(STORE_DOCUMENTS, STORE_URLS, STORE_BANDS, STORE_MEMBERS, STORE_EXPIRY, STORE_CONTENT);

  /** Headers on a rejected record. */
  public static final String HEADER_STAGE = "reject.stage";
  public static final String HEADER_REASON = "reject.reason";
  public static final String HEADER_EXCEPTION = "reject.exception";
  public static final String HEADER_SOURCE_TOPIC = "source.topic";
  public static final String HEADER_SOURCE_PARTITION = "source.partition";
  public static final String HEADER_SOURCE_OFFSET = "source.offset";

  private Topics() {}
}
