package news.pipeline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import news.pipeline.app.bench.BenchResult.TimeSpent;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

/** The time breakdown from the stage timers and Kafka's cumulative metrics, without a broker. */
class TimeBreakdownTest {

  @Test
  void countsOnlyTheStreamThreadsOwnClientsInSeconds() {
    Map<MetricName, Metric> metrics = new LinkedHashMap<>();
    put(metrics, "blocked-time-ns-total", "stream-thread-metrics", "app-1-StreamThread-1", 2e9);
    put(metrics, "blocked-time-ns-total", "stream-thread-metrics", "app-1-StreamThread-2", 1e9);
    put(metrics, "flush-time-ns-total", "producer-metrics", "app-1-StreamThread-1-producer", 0.5e9);
    put(metrics, "txn-commit-time-ns-total", "producer-metrics", "app-1-StreamThread-1-producer", 0.25e9);
    // the admin client's producer-level figures and unrelated metrics are not the threads' waits
    put(metrics, "flush-time-ns-total", "producer-metrics", "app-1-admin", 7e9);
    put(metrics, "blocked-time-ns-total", "consumer-metrics", "app-1-StreamThread-1-consumer", 7e9);
    put(metrics, "process-latency-avg", "stream-thread-metrics", "app-1-StreamThread-1", 7e9);

    assertThat(TimeBreakdown.kafkaBlockedSeconds(metrics))
        .containsExactlyInAnyOrderEntriesOf(Map.of(
            TimeBreakdown.BLOCKED, 3.0, "producer flush", 0.5, "transaction commit", 0.25));
  }

  @Test
  void theBlockedTotalIsSetApartFromItsPartsAndTheRestIsWhatNoTimerCovers() {
    TimeBreakdown.Reading before = new TimeBreakdown.Reading(
        Map.of("dedup", 1.0, "parse_clean", 2.0), Map.of(TimeBreakdown.BLOCKED, 0.5, "producer flush", 0.1));
    TimeBreakdown.Reading after = new TimeBreakdown.Reading(
        Map.of("dedup", 1.5, "parse_clean", 5.0, "enrich", 0.25),
        Map.of(TimeBreakdown.BLOCKED, 1.5, "producer flush", 0.6, "transaction commit", 0.2));

    TimeSpent time = TimeBreakdown.between(before, after, 10.0);

    assertThat(time.threadSeconds()).isEqualTo(10.0);
    assertThat(time.stages()).containsExactlyInAnyOrderEntriesOf(Map.of("dedup", 0.5, "parse_clean", 3.0));
    assertThat(time.onWorkers()).as("enrich runs on the parse workers, inside the wait for a parse")
        .containsExactlyEntriesOf(Map.of("enrich", 0.25));
    assertThat(time.blocked()).isEqualTo(1.0);
    assertThat(time.blockedParts()).containsOnlyKeys("producer flush", "transaction commit");
    assertThat(time.blockedParts().get("producer flush")).isCloseTo(0.5, within(1e-9));
    assertThat(time.rest()).isCloseTo(10.0 - 0.5 - 3.0 - 1.0, within(1e-9));
  }

  private static void put(Map<MetricName, Metric> metrics, String name, String group, String clientId, double value) {
    String tag = group.equals("stream-thread-metrics") ? "thread-id" : "client-id";
    MetricName metricName = new MetricName(name, group, "", Map.of(tag, clientId));
    metrics.put(metricName, new Metric() {
      @Override
      public MetricName metricName() {
        return metricName;
      }

      @Override
      public Object metricValue() {
        return value;
      }
    });
  }
}
