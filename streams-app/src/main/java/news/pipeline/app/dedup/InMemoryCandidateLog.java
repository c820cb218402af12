package news.pipeline.app.dedup;

import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventSerdes;

/**
 * A {@link CandidateLog} in memory, positions counted from 0: for tests and offline runs. It keeps
 * each candidate as deflated Avro bytes, as a topic would hold it compressed, so an offline run over
 * tens of thousands of pages fits a small heap; an offline run releases the candidates that
 * represent no live article, so it holds one per live article.
 */
public final class InMemoryCandidateLog implements CandidateLog {

  private final Map<Long, byte[]> candidates = new HashMap<>();
  private final AvroSerde<ArticleCandidate> serde = EventSerdes.articleCandidate();
  private final Deflated deflated = new Deflated(Deflater.BEST_SPEED);
  private long next;

  /** Appends a candidate and returns its position. */
  public long append(ArticleCandidate candidate) {
    candidates.put(next, deflated.pack(serde.encode(candidate)));
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
    byte[] stored = candidates.get(position);
    return stored == null ? null : serde.decode(deflated.unpack(stored));
  }
}
