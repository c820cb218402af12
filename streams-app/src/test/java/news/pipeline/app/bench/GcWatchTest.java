package news.pipeline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GcWatchTest {

  @Test
  void countsCollectionsTheirTimeAndTheOnesAHumongousAllocationStarted() {
    try (GcWatch watch = GcWatch.start()) {
      watch.count("G1 Evacuation Pause", 12);
      watch.count("G1 Humongous Allocation", 7);
      watch.count(null, 1);

      assertThat(watch.counts()).isEqualTo(new BenchResult.Gc(3, 1, 0.020));
    }
  }

  @Test
  void hearsTheCollectionsTheJvmReports() throws Exception {
    try (GcWatch watch = GcWatch.start()) {
      // an explicit collection is reported too; the notification comes on a JVM thread shortly after
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (watch.counts().collections() == 0 && System.nanoTime() < deadline) {
        System.gc();
        Thread.sleep(50);
      }
      assertThat(watch.counts().collections()).isPositive();
    }
  }
}
