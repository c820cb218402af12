package news.pipeline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import news.pipeline.app.bench.BenchResult.Latency;
import org.junit.jupiter.api.Test;

/** The latency figures from the per-document latencies, without a broker. */
class LatencyProbeTest {

  @Test
  void percentilesAreNearestRankOverTheSeenDocumentsInAnyOrder() {
    List<LatencyProbe.Seen> seen =
        new ArrayList<>(LongStream.rangeClosed(1, 200).mapToObj(ms -> new LatencyProbe.Seen(1_000, ms)).toList());
    Collections.shuffle(seen, new java.util.Random(7));

    Latency latency = LatencyProbe.summarize(12.5, 250, seen, 1_000);

    assertThat(latency.targetRate()).isEqualTo(12.5);
    assertThat(latency.sent()).isEqualTo(250);
    assertThat(latency.seen()).isEqualTo(200);
    assertThat(latency.p50Millis()).isEqualTo(100);
    assertThat(latency.p99Millis()).isEqualTo(198);
    assertThat(latency.maxMillis()).isEqualTo(200);
  }

  @Test
  void fewDocumentsGiveTheirOwnValuesNeverOneOutsideThem() {
    assertThat(LatencyProbe.percentile(new long[] {40}, 0.5)).isEqualTo(40);
    assertThat(LatencyProbe.percentile(new long[] {40}, 0.99)).isEqualTo(40);
    assertThat(LatencyProbe.percentile(new long[] {10, 20, 30}, 0.5)).isEqualTo(20);
    assertThat(LatencyProbe.percentile(new long[] {10, 20, 30}, 0.99)).isEqualTo(30);
    assertThat(LatencyProbe.percentile(new long[] {10, 20, 30}, 0.0)).isEqualTo(10);
  }

  @Test
  void noDocumentSeenGivesNotANumber() {
    Latency latency = LatencyProbe.summarize(1, 10, List.of(), 1_000);
    assertThat(latency.seen()).isZero();
    assertThat(latency.worstPerSecond()).isEmpty();
    assertThat(latency.p50Millis()).isNaN();
    assertThat(latency.p99Millis()).isNaN();
    assertThat(latency.maxMillis()).isNaN();
  }

  @Test
  void eachSecondOfSendingGetsTheLongestLatencyOfItsDocuments() {
    long start = 50_000;
    List<LatencyProbe.Seen> seen = List.of(
        new LatencyProbe.Seen(start, 200), new LatencyProbe.Seen(start + 400, 900), // second 0
        new LatencyProbe.Seen(start + 1_999, 300), // second 1
        new LatencyProbe.Seen(start + 3_500, 250)); // second 3; nothing seen from second 2

    Latency latency = LatencyProbe.summarize(4, 5, seen, start);

    assertThat(latency.worstPerSecond()).containsExactly(900L, 300L, -1L, 250L);
    assertThat(latency.maxMillis()).isEqualTo(900);
  }
}
