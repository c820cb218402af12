package news.pipeline.app.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.ops.PipelineMetrics;
import news.pipeline.app.run.PipelineRunner;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The Kafka Streams instances of one bench pass, in this JVM, each with its own state dir and its
 * own in-memory metrics registry (whose stage timers the pass reads); closing stops them all.
 */
final class PipelineInstances implements AutoCloseable {

  private final List<PipelineRunner> runners;

  private PipelineInstances(List<PipelineRunner> runners) {
    this.runners = runners;
  }

  /** Starts {@code count} instances of the config, with state under {@code dataDir/state-NAME-instance-K}. */
  static PipelineInstances start(PipelineConfig config, int count, String name, Path dataDir) {
    List<PipelineRunner> runners = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      runners.add(PipelineRunner.start(
          config.withStateDir(dataDir.resolve("state-" + name + "-instance-" + k)),
          new PipelineMetrics(new SimpleMeterRegistry())));
    }
    return new PipelineInstances(runners);
  }

  List<PipelineRunner> runners() {
    return runners;
  }

  int count() {
    return runners.size();
  }

  boolean anyRunning() {
    return runners.stream().anyMatch(r -> r.state() == KafkaStreams.State.RUNNING);
  }

  /** Throws if an instance has failed, so that a pass does not wait for a backlog nobody processes. */
  void failIfStopped() {
    for (PipelineRunner r : runners) {
      if (r.failure() != null) {
        throw new IllegalStateException("a streams instance failed: " + r.failure(), r.failure());
      }
    }
  }

  /** Closes the instances, then the metrics registries the bench gave them. */
  @Override
  public void close() {
    for (PipelineRunner r : runners) {
      r.close(Duration.ofSeconds(30));
      r.metrics().close();
    }
  }
}
