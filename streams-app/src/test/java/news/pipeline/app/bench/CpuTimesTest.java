package news.pipeline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CPU time spent between two readings of the pipeline threads. */
class CpuTimesTest {

  @Test
  void sumsEachThreadsIncreaseAndCountsAThreadStartedInBetweenFromZero() {
    Map<Long, Long> before = Map.of(1L, 100L, 2L, 50L);
    Map<Long, Long> after = Map.of(1L, 160L, 2L, 50L, 3L, 30L);
    assertThat(CpuTimes.spent(before, after)).isEqualTo(60 + 0 + 30);
  }
}
