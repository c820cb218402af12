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

  /** Repartition topic (prefixed with the application id) that feeds dedup. */
  public static final String DEDUP_CANDIDATES = "dedup-candidates";

  public static final String STORE_DOCUMENTS = "dedup-documents";
  public static final String STORE_ARTICLES = "dedup-articles";
  public static final String STORE_URLS = "dedup-url-index";
  public static final String STORE_BANDS = "dedup-band-index";
  public static final String STORE_EXPIRY = "dedup-expiry-index";

  /** Headers on a rejected record. */
  public static final String HEADER_STAGE = "reject.stage";
  public static final String HEADER_REASON = "reject.reason";
  public static final String HEADER_EXCEPTION = "reject.exception";
  public static final String HEADER_SOURCE_TOPIC = "source.topic";
  public static final String HEADER_SOURCE_PARTITION = "source.partition";
  public static final String HEADER_SOURCE_OFFSET = "source.offset";

  private Topics() {}
}
