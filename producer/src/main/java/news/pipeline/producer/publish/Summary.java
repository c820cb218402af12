package news.pipeline.producer.publish;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a publisher did so far. Counts are final only after {@link DocumentPublisher#flush()}.
 *
 * @param sent documents the broker acknowledged
 * @param skipped inputs left out on purpose (over the size limit, not a document)
 * @param failed inputs that could not be read or sent
 * @param bytes encoded bytes of the sent documents
 * @param problems the first skipped and failed inputs, with reasons (at most {@link #MAX_PROBLEMS})
 * @param skippedByReason every skip counted by its reason group ({@link ReasonGroups}), largest first
 * @param failedByReason every failure counted by its reason group, largest first
 */
public record Summary(
    long sent,
    long skipped,
    long failed,
    long bytes,
    List<Problem> problems,
    Map<String, Long> skippedByReason,
    Map<String, Long> failedByReason) {

  /** How many problems a summary keeps; the counts go on past it. */
  public static final int MAX_PROBLEMS = 1000;

  public Summary {
    problems = List.copyOf(problems);
    skippedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(skippedByReason));
    failedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(failedByReason));
  }

  /** A summary without counts by reason. */
  public Summary(long sent, long skipped, long failed, long bytes, List<Problem> problems) {
    this(sent, skipped, failed, bytes, problems, Map.of(), Map.of());
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
