package news.pipeline.app.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import news.pipeline.app.bench.BenchResult.TimeSpent;
import news.pipeline.app.ops.PipelineMetrics;
import news.pipeline.app.run.PipelineRunner;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Where the stream threads' wall time goes during a pass: the pipeline's stage timers and the
 * cumulative Kafka metrics of time blocked on Kafka, read before and after the pass; the
 * difference is the pass's {@link TimeSpent}.
 */
final class TimeBreakdown {

  /** The key of the stream thread's own blocked time among the Kafka parts. */
  static final String BLOCKED = "blocked";

  /** The Kafka metrics (cumulative nanoseconds) that say where a stream thread waited on Kafka. */
  private static final Map<String, String> BLOCKED_METRICS = Map.of(
      "blocked-time-ns-total", BLOCKED,
      "flush-time-ns-total", "producer flush",
      "txn-send-offsets-time-ns-total", "offsets into the transaction",
      "txn-commit-time-ns-total", "transaction commit");

  /** Stage and Kafka seconds at one moment, summed over the instances. */
  record Reading(Map<String, Double> stages, Map<String, Double> kafka) {

    static Reading of(List<PipelineRunner> runners) {
      Map<String, Double> stages = new TreeMap<>();
      Map<String, Double> kafka = new TreeMap<>();
      for (PipelineRunner r : runners) {
        r.metrics().stageSeconds().forEach((stage, s) -> stages.merge(stage, s, Double::sum));
        kafkaBlockedSeconds(r.streams().metrics()).forEach((part, s) -> kafka.merge(part, s, Double::sum));
      }
      return new Reading(stages, kafka);
    }
  }

  private TimeBreakdown() {}

  /**
   * The time spent between two readings by threads that were there for {@code threadSeconds} in
   * all; the stream thread's own blocked time is the total blocked on Kafka, the rest its parts.
   * Enrich runs on the parse workers, so its timer is set apart from the stream threads' stages.
   */
  static TimeSpent between(Reading before, Reading after, double threadSeconds) {
    Map<String, Double> kafka = difference(after.kafka(), before.kafka());
    double blocked = kafka.getOrDefault(BLOCKED, 0.0);
    kafka.remove(BLOCKED);
    Map<String, Double> stages = difference(after.stages(), before.stages());
    Map<String, Double> onWorkers = new LinkedHashMap<>();
    Double enrich = stages.remove(PipelineMetrics.ENRICH);
    if (enrich != null) {
      onWorkers.put(PipelineMetrics.ENRICH, enrich);
    }
    return new TimeSpent(threadSeconds, stages, blocked, kafka, onWorkers);
  }

  /**
   * The blocked-time metrics of one instance in seconds, by part: the stream threads' own clients
   * only, not the admin or restore clients, whose waits are not the pipeline's.
   */
  static Map<String, Double> kafkaBlockedSeconds(Map<MetricName, ? extends Metric> metrics) {
    Map<String, Double> total = new TreeMap<>();
    metrics.forEach((name, metric) -> {
      String part = BLOCKED_METRICS.get(name.name());
      boolean ours = name.group().equals("stream-thread-metrics")
          || (name.group().equals("producer-metrics") && name.tags().getOrDefault("client-id", "").contains("StreamThread"));
      if (part != null && ours && metric.metricValue() instanceof Number n) {
        total.merge(part, n.doubleValue() / 1e9, Double::sum);
      }
    });
    return total;
  }

  private static Map<String, Double> difference(Map<String, Double> after, Map<String, Double> before) {
    Map<String, Double> d = new LinkedHashMap<>();
    after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0.0)));
    return d;
  }
}
