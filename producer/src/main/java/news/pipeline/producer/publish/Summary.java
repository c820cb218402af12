package news.pipeline.producer.publish;

import java.util.List;

/**
 * What a publisher did so far. Counts are final only after {@link DocumentPublisher#flush()}.
 *
 * @param sent documents the broker acknowledged
 * @param skipped inputs left out on purpose (over the size limit, not a document)
 * @param failed inputs that could not be read or sent
 * @param bytes encoded bytes of the sent documents
 * @param problems the first skipped and failed inputs, with reasons (at most {@link #MAX_PROBLEMS})
 */
public record Summary(long sent, long skipped, long failed, long bytes, List<Problem> problems) {

  /** How many problems a summary keeps; the counts go on past it. */
  public static final int MAX_PROBLEMS = 1000;

  public Summary {
    problems = List.copyOf(problems);
  }

  /** Every input seen: sent, skipped or failed. */
  public long total() {
    return sent + skipped + failed;
  }

  /** Whether nothing failed. */
  public boolean ok() {
    return failed == 0;
  }
}
