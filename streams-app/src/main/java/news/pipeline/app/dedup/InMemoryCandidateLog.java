package news.pipeline.app.dedup;

import java.util.HashMap;
import java.util.Map;
import news.pipeline.avro.internal.ArticleCandidate;

/**
 * A {@link CandidateLog} in memory, positions counted from 0: for tests and offline runs. An offline
 * run releases the candidates that represent no live article, so it holds one per live article.
 */
public final class InMemoryCandidateLog implements CandidateLog {

  private final Map<Long, ArticleCandidate> candidates = new HashMap<>();
  private long next;

  /** Appends a candidate and returns its position. */
  public long append(ArticleCandidate candidate) {
    candidates.put(next, candidate);
    return next++;
  }

  /** Drops the candidate at {@code position}: nothing will read it again. */
  public void release(long position) {
    candidates.remove(position);
  }

  /** Drops every candidate before {@code position}, as retention would. */
  public void forgetBelow(long position) {
    candidates.keySet().removeIf(p -> p < position);
  }

  /** How many candidates it holds. */
  public int size() {
    return candidates.size();
  }

  @Override
  public ArticleCandidate read(long position) {
    return candidates.get(position);
  }
}
