package news.pipeline.app.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.ops.PipelineMetrics;
import news.pipeline.app.topology.ArticleTopology;
import news.pipeline.app.topology.StreamsSettings;

/**
 * Owns one Kafka Streams instance of the topology: start, wait until running, and a clean stop
 * that leaves the consumer group and closes the stores within a bounded time.
 */
public final class PipelineRunner implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(PipelineRunner.class);

  private final KafkaStreams streams;
  private final PipelineMetrics metrics;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private PipelineRunner(KafkaStreams streams, PipelineMetrics metrics) {
    this.streams = streams;
    this.metrics = metrics;
  }

  /** Builds the topology for {@code config} and starts it; does not wait. */
  public static PipelineRunner start(PipelineConfig config) {
    return start(config, PipelineMetrics.NOOP);
  }

  /** As {@link #start(PipelineConfig)}, with the processors and the client's metrics reporting to {@code metrics}. */
  public static PipelineRunner start(PipelineConfig config, PipelineMetrics metrics) {
    KafkaStreams streams =
        new KafkaStreams(ArticleTopology.build(config), metrics.attachTo(StreamsSettings.properties(config)));
    metrics.bind(streams);
    PipelineRunner runner = new PipelineRunner(streams, metrics);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOGGER.error("stream thread failed, shutting the client down error={}", e.toString(), e);
          runner.failure.set(e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.setStateListener(
        (now, before) -> {
          LOGGER.info("streams state {} -> {}", before, now);
          if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
            runner.stopped.countDown();
          }
        });
    streams.start();
    return runner;
  }

  /** Waits until all tasks run (after a rebalance and any state restore). */
  public void awaitRunning(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (failure.get() != null || streams.state() == KafkaStreams.State.ERROR) {
        throw new IllegalStateException("streams app failed to start: " + failure.get(), failure.get());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("streams app not running after " + timeout + " (state " + streams.state() + ")");
      }
      sleep(50);
    }
  }

  /** Blocks until the app stops (after {@link #close()} or a fatal error). */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public Throwable failure() {
    return failure.get();
  }

  /** The metrics the processors report to ({@link PipelineMetrics#NOOP} unless given at start). */
  public PipelineMetrics metrics() {
    return metrics;
  }

  public KafkaStreams streams() {
    return streams;
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /** Leaves the group and closes stores, waiting at most {@code timeout}; true if it closed in time. */
  public boolean close(Duration timeout) {
    boolean closed =
        streams.close(
            CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(timeout));
    stopped.countDown();
    if (!closed) {
      LOGGER.warn("streams app did not close within {}", timeout);
    }
    return closed;
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
