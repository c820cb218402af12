package news.pipeline.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import news.pipeline.app.config.PipelineHome;
import org.apache.kafka.clients.admin.Admin;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.ops.ExitCodes;
import news.pipeline.app.ops.LiveFeed;
import news.pipeline.app.ops.OpsServer;
import news.pipeline.app.ops.PipelineMetrics;
import news.pipeline.app.ops.StopSignal;
import news.pipeline.app.run.WorkDirs;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.IdleWaiter;
import news.pipeline.app.run.OutputSnapshot;
import news.pipeline.app.run.PipelineRunner;
import news.pipeline.app.run.SeedPublisher;
import news.pipeline.app.run.TopicSetup;
import news.pipeline.broker.EmbeddedBroker;
import news.pipeline.producer.publish.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./pipeline demo}: the whole pipeline on an embedded broker over {@code seeds/}: start the
 * broker, create the topics, publish, run the topology until every input is processed, print the
 * canonical articles and a summary, stop cleanly.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Runs the whole pipeline on an embedded Kafka broker over seeds/ and prints the canonical articles.")
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--input", paramLabel = "PATH", defaultValue = PipelineHome.HOME_VARIABLE + "/seeds",
      description = "File or folder of raw documents to publish (default: ${DEFAULT-VALUE}).")
  Path input;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = PipelineHome.HOME_VARIABLE + "/.pipeline/demo",
      description = "Broker and state directory, wiped at start (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--partitions", defaultValue = "3", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--timeout", defaultValue = "PT2M", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--keep-running",
      description = "After the summary keep the broker and the app running, with the live view at http://localhost:PORT/, until Ctrl-C.")
  boolean keepRunning;

  @Option(names = "--http-port", defaultValue = "8080",
      description = "Port of the live view and /metrics with --keep-running; 0 picks a free port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.exists(input)) {
      err.println("input " + input.toAbsolutePath() + " does not exist (run the demo from the project folder)");
      return 2;
    }
    long started = System.nanoTime();
    WorkDirs.wipe(dataDir);
    err.println("starting an embedded Kafka broker in " + dataDir + " ...");
    try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir.resolve("broker"), 0)) {
      Map<String, String> overrides = new HashMap<>();
      overrides.put("bootstrap.servers", broker.bootstrapServers());
      overrides.put("state.dir", dataDir.resolve("state").toString());
      overrides.put("application.id", "news-pipeline-demo");
      overrides.put("topics.partitions", Integer.toString(partitions));
      overrides.put("http.port", Integer.toString(httpPort));
      PipelineConfig config = ConfigLoader.load(null, System.getenv(), overrides).orThrow();
      TopicSetup.ensureTopics(config);

      Summary published = SeedPublisher.publish(config, input);
      err.printf("published %d raw documents from %s to %s%n", published.sent(), input, config.topics().raw());

      PipelineMetrics metrics = keepRunning ? PipelineMetrics.prometheus() : PipelineMetrics.NOOP;
      try (PipelineRunner runner = PipelineRunner.start(config, metrics);
          Admin admin = Admin.create(ClientSettings.admin(config));
          LiveView view = keepRunning ? LiveView.start(config, runner, metrics) : null) {
        if (view != null) {
          err.println("live view: " + view.server().url());
        }
        runner.awaitRunning(timeout);
        err.println("topology running; waiting until every document is processed ...");
        new IdleWaiter(config, admin)
            .awaitIdle(Duration.ofMillis(1500), timeout, lag -> {}, () -> runner.failure() == null);
        OutputSnapshot output = OutputSnapshot.read(config);
        DemoReport.print(out, output, published.sent());
        err.printf("demo finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
        if (view != null) {
          return keepRunning(view, runner, config, out);
        }
      } finally {
        metrics.close();
      }
    }
    return 0;
  }

  /** Serves the live view until Ctrl-C or SIGTERM, then closes the app (the caller closes the broker). */
  private static int keepRunning(LiveView view, PipelineRunner runner, PipelineConfig config, PrintWriter out)
      throws InterruptedException {
    StopSignal stop = StopSignal.install(config.ops().shutdownTimeout());
    try {
      out.println();
      out.println("live view: " + view.server().url() + "   (metrics at " + view.server().url().resolve("metrics")
          + "; broker at " + config.bootstrapServers() + "; Ctrl-C to stop)");
      out.flush();
      while (!stop.await(Duration.ofMillis(500))) {
        if (runner.failure() != null) {
          return ExitCodes.FATAL;
        }
      }
      return runner.close(config.ops().shutdownTimeout()) ? ExitCodes.STOPPED : ExitCodes.STOP_TIMED_OUT;
    } finally {
      stop.finished();
    }
  }

  /** The live view's feed and HTTP server, closed together. */
  private record LiveView(LiveFeed feed, OpsServer server) implements AutoCloseable {

    static LiveView start(PipelineConfig config, PipelineRunner runner, PipelineMetrics metrics) throws IOException {
      LiveFeed feed = LiveFeed.start(config);
      try {
        return new LiveView(feed, OpsServer.start(config.ops().httpPort(), runner::state, metrics, feed));
      } catch (IOException | RuntimeException e) {
        feed.close();
        throw e;
      }
    }

    @Override
    public void close() {
      server.close();
      feed.close();
    }
  }
}
