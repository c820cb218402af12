package news.pipeline.app.dedup.quality;

/** What a document of the quality set is, relative to its article. */
public enum DocKind {
  /** The article as its publisher serves it; every other document is measured against it. */
  ORIGINAL,
  /** The same page, or a link to it, under another form of its URL. */
  URL_VARIANT,
  /** The same article republished: other site, other wrapper, edited headline, cut body, or a feed record. */
  SYNDICATED,
  /** A different article made to look like others (same event, same template, generic title). */
  NEGATIVE;

  /** The kind a pair is scored under: the more edited of its two documents. */
  static DocKind ofPair(DocKind a, DocKind b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
