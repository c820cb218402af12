package news.pipeline.app.cli;

import news.pipeline.app.config.ConfigLoader;
import news.pipeline.producer.cli.PublishCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./pipeline COMMAND}: the one launcher for every job of the pipeline. */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    version = "news-pipeline 0.1.0",
    description = "Kafka streaming ingestion pipeline for news: clean, enrich and dedup crawled documents.",
    subcommands = {
      DemoCommand.class,
      BrokerCommand.class,
      PublishCommand.class,
      news.pipeline.producer.cli.WatchCommand.class,
      RunCommand.class,
      TailCommand.class,
      ReplayCommand.class,
      DedupQualityCommand.class,
      CleanCommand.class,
      news.pipeline.app.bench.BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PipelineCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code; bad configuration is a clear message, exit 2. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, for callers (and tests) that set their own output streams. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new PipelineCli());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof ConfigLoader.InvalidConfigException) {
            commandLine.getErr().println(e.getMessage());
            return 2;
          }
          throw e;
        });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
