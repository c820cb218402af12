package news.pipeline.app.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.testkit.TestKafka;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.OutputSnapshot;

/**
 * Exactly-once through crashes, black-box: the streams app runs in a child JVM ({@code PipelineCli
 * run}) over a corpus full of duplicates and is killed with {@code kill -9} at several random
 * points of its run, then restarted each time. Its final compacted output must equal that of an
 * undisturbed run over the same raw topic, and every raw record must be a member of exactly one
 * live article or in the rejected topic, none twice, none missing.
 *
 * <p>{@code -Dcrash.documents=10000} (default 2000) sets the corpus size, {@code -Dcrash.kills=N}
 * (default 4) the kills, {@code -Dcrash.seed=S} the corpus and kill points. The figures go to
 * {@code target/crash-report.md}.
 */
class CrashIT {

  private static final int DOCUMENTS = Integer.getInteger("crash.documents", 2000);
  private static final int KILLS = Integer.getInteger("crash.kills", 4);
  private static final long SEED = Long.getLong("crash.seed", 7L);

  private static TestKafka kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = TestKafka.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @Test
  void killedAndRestartedRunGivesTheSameOutputAndLosesOrDoublesNothing(@TempDir Path dir) throws Exception {
    Path logs = Path.of("target", "crash-it");
    Files.createDirectories(logs);
    List<CrashCorpus.Input> inputs = CrashCorpus.generate(DOCUMENTS, SEED);
    Map<String, String> baselineSettings = Runs.settings("baseline", dir.resolve("baseline-state"), 3);
    PipelineConfig baseline = Runs.config(kafka.bootstrapServers(), baselineSettings);
    List<RecordMetadata> sent = Runs.publish(baseline, inputs);

    long started = System.nanoTime();
    Path baselineFile = Runs.writeConfig(dir, "baseline", baselineSettings);
    ChildJvm[] app = {Runs.startApp(kafka.bootstrapServers(), baselineFile, logs.resolve("baseline.log"))};
    int baselineRestarts =
        Runs.awaitIdle(baseline, app, () -> Runs.startApp(kafka.bootstrapServers(), baselineFile, logs.resolve("baseline.log")),
            Duration.ofMinutes(5));
    app[0].stop();
    double baselineSeconds = (System.nanoTime() - started) / 1e9;
    Accounting undisturbed = Accounting.of(inputs, sent, OutputSnapshot.read(baseline));

    Map<String, String> crashSettings = Runs.settings("crashed", dir.resolve("crashed-state"), 3);
    PipelineConfig crashed = Runs.config(kafka.bootstrapServers(), crashSettings);
    Path crashFile = Runs.writeConfig(dir, "crashed", crashSettings);
    Path crashLog = logs.resolve("crashed.log");
    started = System.nanoTime();
    List<String> kills = new ArrayList<>();
    Random random = new Random(SEED);
    app[0] = Runs.startApp(kafka.bootstrapServers(), crashFile, crashLog);
    try (Admin admin = Admin.create(ClientSettings.admin(crashed))) {
      for (int k = 0; k < KILLS; k++) {
        // kill points spread over the run: after a random share of each stretch of the input
        long target = (long) (DOCUMENTS * (k + random.nextDouble() * 0.8) / (KILLS + 1));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (Runs.processed(admin, crashed) < target && System.nanoTime() < deadline && app[0].isAlive()) {
          TimeUnit.MILLISECONDS.sleep(50);
        }
        TimeUnit.MILLISECONDS.sleep(random.nextInt(400));
        long at = Runs.processed(admin, crashed);
        app[0].kill();
        kills.add("kill " + (k + 1) + " at " + at + " of " + DOCUMENTS + " raw records committed");
        app[0] = Runs.startApp(kafka.bootstrapServers(), crashFile, crashLog);
      }
    }
    int crashRestarts =
        Runs.awaitIdle(crashed, app, () -> Runs.startApp(kafka.bootstrapServers(), crashFile, crashLog), Duration.ofMinutes(8));
    app[0].stop();
    double crashSeconds = (System.nanoTime() - started) / 1e9;
    Accounting afterCrashes = Accounting.of(inputs, sent, OutputSnapshot.read(crashed));

    List<String> report = new ArrayList<>();
    report.add("documents (raw records): " + DOCUMENTS + ", distinct document ids: " + afterCrashes.uniqueDocuments());
    report.add("kills survived: " + kills.size() + " (extra restarts after an exit: " + crashRestarts + ", baseline " + baselineRestarts + ")");
    kills.forEach(report::add);
    report.add("live articles: " + afterCrashes.membership().size() + " (undisturbed " + undisturbed.membership().size() + ")");
    report.add("members: " + afterCrashes.members() + ", decisions: " + afterCrashes.decisions() + ", rejected: " + afterCrashes.rejectedCount());
    report.add("lost: " + afterCrashes.lost().size() + ", doubled: " + afterCrashes.doubled().size()
        + " (undisturbed: lost " + undisturbed.lost().size() + ", doubled " + undisturbed.doubled().size() + ")");
    report.add("membership equal to the undisturbed run: " + afterCrashes.membership().equals(undisturbed.membership()));
    report.add(String.format("undisturbed run %.0f s, crashed run %.0f s", baselineSeconds, crashSeconds));
    report.add("rejects by reason:");
    OutputSnapshot.read(crashed).rejected().stream()
        .map(r -> {
          var h = r.headers().lastHeader("reject.reason");
          h = h != null ? h : r.headers().lastHeader("__streams.errors.exception.message");
          String reason = h == null ? "?" : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
          return reason.length() > 90 ? reason.substring(0, 90) + "…" : reason;
        })
        .collect(java.util.stream.Collectors.groupingBy(r -> r, java.util.TreeMap::new, java.util.stream.Collectors.counting()))
        .forEach((reason, n) -> report.add("  " + n + " × " + reason));
    Files.write(Path.of("target", "crash-report.md"), report);
    report.forEach(System.out::println);

    assertThat(undisturbed.lost()).isEmpty();
    assertThat(undisturbed.doubled()).isEmpty();
    assertThat(afterCrashes.lost()).as("documents lost").isEmpty();
    assertThat(afterCrashes.doubled()).as("documents doubled").isEmpty();
    assertThat(kills).hasSize(KILLS);
    assertThat(afterCrashes.rejectedOffsets()).isEqualTo(undisturbed.rejectedOffsets());
    assertThat(afterCrashes.membership()).isEqualTo(undisturbed.membership());
    assertThat(afterCrashes.decisions()).isEqualTo(afterCrashes.members());
  }
}
