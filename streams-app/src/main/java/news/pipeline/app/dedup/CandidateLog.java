package news.pipeline.app.dedup;

import news.pipeline.avro.internal.ArticleCandidate;

/**
 * Where dedup reads a representative's fields back: the log of candidates it was fed, by position.
 * The state keeps a representative with a body as a position, not as its text, so a live article
 * costs a few hundred bytes of state instead of its whole text. The processor reads the dedup
 * candidates topic; tests and offline runs keep the candidates in memory.
 */
public interface CandidateLog {

  /** The candidate at {@code position}, or null when the log no longer holds it (retention). */
  ArticleCandidate read(long position);
}
