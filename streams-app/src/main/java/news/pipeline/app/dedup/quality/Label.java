package news.pipeline.app.dedup.quality;

/**
 * The truth about one candidate of the quality set.
 *
 * @param gold the id of the real article it is (equal golds = same article)
 * @param kind how it was made
 * @param variant the transformation, e.g. {@code url:amp-cache} or {@code syn:truncated}
 */
public record Label(String gold, DocKind kind, String variant) {}
