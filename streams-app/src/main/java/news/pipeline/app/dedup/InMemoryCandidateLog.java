package news.pipeline.app.dedup;

import java.util.ArrayList;
import java.util.List;
import news.pipeline.avro.internal.ArticleCandidate;

/** A {@link CandidateLog} in memory, positions counted from 0: for tests and offline runs. */
public final class InMemoryCandidateLog implements CandidateLog {

  private final List<ArticleCandidate> candidates = new ArrayList<>();
  private long forgottenBelow;

  /** Appends a candidate and returns its position. */
  public long append(ArticleCandidate candidate) {
    candidates.add(candidate);
    return candidates.size() - 1;
  }

  /** Drops every candidate before {@code position}, as retention would. */
  public void forgetBelow(long position) {
    forgottenBelow = Math.max(forgottenBelow, position);
  }

  @Override
  public ArticleCandidate read(long position) {
    if (position < forgottenBelow || position < 0 || position >= candidates.size()) {
      return null;
    }
    return candidates.get((int) position);
  }
}
