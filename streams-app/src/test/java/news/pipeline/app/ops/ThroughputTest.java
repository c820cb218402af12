package news.pipeline.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThroughputTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void rateIsTheGrowthOverTheWindow() {
    Throughput rate = new Throughput(Duration.ofSeconds(10));
    assertThat(rate.perSecond()).as("no samples yet").isZero();

    for (int s = 0; s <= 30; s++) {
      // 5 documents a second for 20 s, then nothing
      rate.sample(s * SECOND, 5L * Math.min(s, 20));
    }

    assertThat(rate.perSecond()).as("the last 10 s saw nothing new").isZero();
  }

  @Test
  void rateCountsOnlySamplesInsideTheWindow() {
    Throughput rate = new Throughput(Duration.ofSeconds(10));
    rate.sample(0, 0);
    rate.sample(100 * SECOND, 1000); // a burst long ago
    for (int s = 101; s <= 120; s++) {
      rate.sample(s * SECOND, 1000 + 2L * (s - 100));
    }

    assertThat(rate.perSecond()).isCloseTo(2.0, within(1e-9));
  }
}
