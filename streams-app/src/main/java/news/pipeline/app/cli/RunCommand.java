package news.pipeline.app.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.PipelineRunner;
import news.pipeline.app.run.TopicSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./pipeline run}: the streams app against any cluster, until SIGTERM or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs the streams app (parse, clean, enrich, dedup) against a Kafka cluster until stopped.")
final class RunCommand implements Callable<Integer> {

  private static final Logger LOGGER = LoggerFactory.getLogger(RunCommand.class);

  @Mixin ConfigOptions options;

  @Option(names = "--no-create-topics", description = "Do not create missing topics (fail instead).")
  boolean noCreateTopics;

  @Override
  public Integer call() throws InterruptedException {
    PipelineConfig config = options.load();
    LOGGER.info("starting streams app config={}", config);
    if (!noCreateTopics) {
      TopicSetup.ensureTopics(config);
    }
    PipelineRunner runner = PipelineRunner.start(config);
    Thread hook = new Thread(() -> runner.close(Duration.ofSeconds(30)), "pipeline-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    runner.awaitStopped();
    // exit 1 lets a supervisor restart us after a fatal error; 0 after a requested stop
    return runner.failure() == null ? 0 : 1;
  }
}
