package news.pipeline.app.topology;

import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.DedupDecision;
import news.pipeline.avro.internal.ArticleCandidate;

/** What a stage hands on: values on their way to one of the outputs. */
sealed interface Routed {

  /** An enriched article candidate, on its way to dedup. */
  record Candidate(ArticleCandidate candidate) implements Routed {}

  /** The original bytes of a rejected input; the reason travels in the record headers. */
  record Reject(byte[] original) implements Routed {}

  /** A new version of a canonical article, or a tombstone ({@code article == null}). */
  record Article(CanonicalArticle article) implements Routed {}

  /** The audit record of one document's dedup decision. */
  record Decision(DedupDecision decision) implements Routed {}
}
