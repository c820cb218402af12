package news.pipeline.app.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.ops.ExitCodes;
import news.pipeline.app.ops.LiveFeed;
import news.pipeline.app.ops.OpsServer;
import news.pipeline.app.ops.PipelineMetrics;
import news.pipeline.app.ops.StopSignal;
import news.pipeline.app.run.PipelineRunner;
import news.pipeline.app.run.TopicSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./pipeline run}: the streams app against any cluster, with its operations server, until
 * SIGTERM or Ctrl-C. Exit codes in {@link ExitCodes}: 0 stopped on request, 1 fatal streams error
 * or failed start, 2 bad configuration, 3 stopped on request but the close timed out.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs the streams app (parse, clean, enrich, dedup) against a Kafka cluster until stopped.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:stopped on request (SIGTERM, Ctrl-C) and closed cleanly",
      "1:fatal: the streams client failed or could not start",
      "2:bad configuration or options",
      "3:stopped on request, but the close took longer than shutdown.timeout"})
final class RunCommand implements Callable<Integer> {

  private static final Logger LOGGER = LoggerFactory.getLogger(RunCommand.class);

  @Mixin ConfigOptions options;

  @Option(names = "--no-create-topics", description = "Do not create missing topics (fail instead).")
  boolean noCreateTopics;

  @Override
  public Integer call() throws InterruptedException, IOException {
    PipelineConfig config = options.load();
    LOGGER.info("starting streams app config={}", config);
    StopSignal stop = StopSignal.install(config.ops().shutdownTimeout());
    try {
      return run(config, stop, !noCreateTopics);
    } finally {
      stop.finished();
    }
  }

  /** Runs until {@code stop} is requested or the streams client dies; returns the exit code. */
  static int run(PipelineConfig config, StopSignal stop, boolean createTopics) throws InterruptedException, IOException {
    if (createTopics) {
      TopicSetup.ensureTopics(config);
    }
    try (PipelineMetrics metrics = PipelineMetrics.prometheus()) {
      PipelineRunner runner = PipelineRunner.start(config, metrics);
      LiveFeed feed = null;
      OpsServer server = null;
      try {
        if (config.ops().httpEnabled()) {
          feed = LiveFeed.start(config);
          server = OpsServer.start(config.ops().httpPort(), runner::state, metrics, feed);
        }
        while (!stop.await(Duration.ofMillis(500))) {
          if (runner.failure() != null || !isAlive(runner)) {
            LOGGER.error("streams client stopped state={} failure={}", runner.state(), runner.failure());
            return ExitCodes.FATAL;
          }
        }
        Duration timeout = config.ops().shutdownTimeout();
        LOGGER.info("stopping: commit, leave the group, close the stores timeout={}", timeout);
        boolean closed = runner.close(timeout);
        LOGGER.info("stopped closedInTime={}", closed);
        return closed ? ExitCodes.STOPPED : ExitCodes.STOP_TIMED_OUT;
      } finally {
        if (server != null) {
          server.close();
        }
        if (feed != null) {
          feed.close();
        }
        runner.close(config.ops().shutdownTimeout());
      }
    }
  }

  private static boolean isAlive(PipelineRunner runner) {
    return news.pipeline.app.ops.Health.liveness(runner.state()).httpStatus() == 200;
  }
}
