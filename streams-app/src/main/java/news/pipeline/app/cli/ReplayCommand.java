package news.pipeline.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.replay.Preflight;
import news.pipeline.app.replay.ReplayExecutor;
import news.pipeline.app.replay.ReplayPlan;
import news.pipeline.app.replay.ReplayStart;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.PipelineRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./pipeline replay}: reprocess the raw topic after a code or config change, in place or
 * side by side with a new versioned output. The plan is printed first; {@code --dry-run} stops there.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {
      "Reprocesses the raw topic from the beginning, a date-time or a duration back.",
      "In place: the stopped app's input offsets are reset, its internal topics and local state deleted,"
          + " and it rewrites its canonical topic (same ids, so the compacted view ends as a fresh run's).",
      "Side by side: a new application id writes new versioned topics (canonical, duplicates, rejected);"
          + " the old ones stay untouched."
    })
final class ReplayCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  static final class Mode {
    @Option(names = "--in-place", required = true, description = "Replay into the current application id and topics (the app must be stopped).")
    boolean inPlace;

    @Option(names = "--side-by-side", required = true, description = "Replay into a new application id and new versioned topics (needs --new-version).")
    boolean sideBySide;
  }

  @Option(names = "--new-version", paramLabel = "vN",
      description = "Version of the side-by-side output: news-pipeline-v1 becomes news-pipeline-vN, news.articles.canonical.v1 becomes news.articles.canonical.vN.")
  String newVersion;

  @ArgGroup(exclusive = true)
  From from;

  static final class From {
    @Option(names = "--from-beginning", description = "From the earliest raw record (the default).")
    boolean beginning;

    @Option(names = "--from", paramLabel = "DATE-TIME",
        description = "From the first raw record fetched at or after this ISO-8601 instant, such as 2020-06-10T00:00:00Z.")
    Instant at;

    @Option(names = "--by", paramLabel = "DURATION", description = "From this long before now, an ISO-8601 duration such as PT6H or P2D.")
    Duration back;
  }

  @Option(names = "--dry-run", description = "Print the plan and what the cluster check found; change nothing.")
  boolean dryRun;

  @Option(names = "--start", description = "After the reset, run the app here until stopped (as ./pipeline run does).")
  boolean start;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PipelineConfig config = options.load();
    ReplayPlan.Result planned =
        ReplayPlan.plan(config, mode.inPlace ? ReplayPlan.Mode.IN_PLACE : ReplayPlan.Mode.SIDE_BY_SIDE, newVersion, replayStart(), Clock.systemUTC());
    if (planned.plan().isEmpty()) {
      err.println(planned.error());
      return 2;
    }
    ReplayPlan plan = planned.plan().get();
    try (Admin admin = Admin.create(ClientSettings.admin(config))) {
      ReplayExecutor executor = new ReplayExecutor(admin);
      Preflight found = executor.inspect(plan);
      plan.describe(found, start).forEach(out::println);
      out.flush();
      List<String> problems = found.problems(plan);
      if (!problems.isEmpty()) {
        problems.forEach(p -> err.println("cannot replay: " + p));
        return 1;
      }
      if (dryRun) {
        out.println("dry run: nothing was changed");
        return 0;
      }
      executor.execute(plan);
      out.println("reset done: " + found.recordsToReplay() + " raw records will be reprocessed by " + plan.target().applicationId());
    } catch (IllegalStateException e) {
      err.println("replay failed: " + e.getMessage());
      return 1;
    }
    if (!start) {
      out.println("start it with: " + runHint(plan));
      return 0;
    }
    PipelineRunner runner = PipelineRunner.start(plan.target());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> runner.close(Duration.ofSeconds(30)), "replay-shutdown"));
    runner.awaitStopped();
    return runner.failure() == null ? 0 : 1;
  }

  private ReplayStart replayStart() {
    if (from == null || from.beginning) {
      return ReplayStart.beginning();
    }
    return from.at != null ? ReplayStart.at(from.at) : ReplayStart.back(from.back);
  }

  /** The {@code ./pipeline run} line that runs the replay's target, overrides as environment variables. */
  private String runHint(ReplayPlan plan) {
    StringBuilder line = new StringBuilder();
    for (Map.Entry<String, String> e : plan.targetOverrides().entrySet()) {
      line.append(ConfigLoader.ENV_PREFIX)
          .append(e.getKey().toUpperCase(Locale.ROOT).replace('.', '_'))
          .append('=')
          .append(e.getValue())
          .append(' ');
    }
    line.append("./pipeline run");
    if (options.bootstrapServer != null) {
      line.append(" --bootstrap-server ").append(options.bootstrapServer);
    }
    if (options.configFile != null) {
      line.append(" --config ").append(options.configFile);
    }
    return line.toString();
  }
}
