package news.pipeline.app.ops;

import java.util.List;
import java.util.Map;

/**
 * What {@code /api/stats} answers: this instance's counters (documents it read, decisions it made)
 * with the derived rates, and the Kafka Streams state. With several instances each one counts its
 * own work; dedup runs on one of them (see README, Operations).
 */
public record Stats(
    String streamsState,
    long uptimeSeconds,
    long documentsIn,
    double documentsPerSecond,
    long candidates,
    long newArticles,
    long merged,
    Map<String, Long> mergedBySignal,
    double dedupRate,
    long repeated,
    long rejected,
    List<PipelineMetrics.RejectCount> rejects,
    long canonicalVersions,
    long tombstones,
    Map<String, Double> meanLatencyMs,
    int liveArticles) {

  static Stats of(
      String state, long uptimeSeconds, double perSecond, PipelineMetrics.Snapshot s, int liveArticles) {
    return new Stats(
        state, uptimeSeconds, s.documentsIn(), perSecond, s.candidates(), s.newArticles(), s.merged(),
        s.mergedBySignal(), s.dedupRate(), s.repeated(), s.rejected(), s.rejects(), s.canonicalVersions(),
        s.tombstones(), s.meanLatencyMs(), liveArticles);
  }
}
