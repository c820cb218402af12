package news.pipeline.app.it.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.OutputSnapshot;

/**
 * The broker (a child JVM) is killed with {@code kill -9} in the middle of a run and started
 * again on the same data directory; the streams app (a child JVM too) rides it out, or exits and
 * is restarted as a supervisor would, and its output again equals that of an undisturbed run with
 * nothing lost or doubled. {@code -Dbroker.restart.documents=N} (default 1000) sets the corpus size.
 */
class BrokerRestartIT {

  private static final int DOCUMENTS = Integer.getInteger("broker.restart.documents", 1000);

  @Test
  void appRidesOutABrokerKillAndRestart(@TempDir Path dir) throws Exception {
    Path logs = Path.of("target", "crash-it");
    Files.createDirectories(logs);
    ChildBroker broker = ChildBroker.start(dir.resolve("broker"), logs.resolve("broker.log"));
    try {
      String bootstrap = broker.bootstrapServers();
      List<CrashCorpus.Input> inputs = CrashCorpus.generate(DOCUMENTS, 11L);
      Map<String, String> baselineSettings = Runs.settings("restart-baseline", dir.resolve("baseline-state"), 3);
      PipelineConfig baseline = Runs.config(bootstrap, baselineSettings);
      List<RecordMetadata> sent = Runs.publish(baseline, inputs);

      Path baselineFile = Runs.writeConfig(dir, "restart-baseline", baselineSettings);
      Path baselineLog = logs.resolve("restart-baseline.log");
      ChildJvm[] app = {Runs.startApp(bootstrap, baselineFile, baselineLog)};
      Runs.awaitIdle(baseline, app, () -> Runs.startApp(bootstrap, baselineFile, baselineLog), Duration.ofMinutes(5));
      app[0].stop();
      Accounting undisturbed = Accounting.of(inputs, sent, OutputSnapshot.read(baseline));

      Map<String, String> settings = Runs.settings("restarted", dir.resolve("restarted-state"), 3);
      PipelineConfig restarted = Runs.config(bootstrap, settings);
      Path configFile = Runs.writeConfig(dir, "restarted", settings);
      Path log = logs.resolve("restarted.log");
      app[0] = Runs.startApp(bootstrap, configFile, log);
      long killedAt;
      try (Admin admin = Admin.create(ClientSettings.admin(restarted))) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (Runs.processed(admin, restarted) < DOCUMENTS / 3 && System.nanoTime() < deadline) {
          TimeUnit.MILLISECONDS.sleep(50);
        }
        killedAt = Runs.processed(admin, restarted);
      }
      broker.kill();
      TimeUnit.SECONDS.sleep(5);
      broker.restart();
      boolean appSurvivedTheOutage = app[0].isAlive();
      int restarts = Runs.awaitIdle(restarted, app, () -> Runs.startApp(bootstrap, configFile, log), Duration.ofMinutes(8));
      app[0].stop();
      Accounting after = Accounting.of(inputs, sent, OutputSnapshot.read(restarted));

      List<String> report = new ArrayList<>();
      report.add("documents: " + DOCUMENTS + "; broker killed at " + killedAt + " raw records committed, down 5 s");
      report.add("app alive through the outage: " + appSurvivedTheOutage + ", app restarts needed: " + restarts);
      report.add("live articles: " + after.membership().size() + " (undisturbed " + undisturbed.membership().size() + ")");
      report.add("lost: " + after.lost().size() + ", doubled: " + after.doubled().size());
      report.add("membership equal to the undisturbed run: " + after.membership().equals(undisturbed.membership()));
      Files.write(Path.of("target", "broker-restart-report.md"), report);
      report.forEach(System.out::println);

      assertThat(undisturbed.lost()).isEmpty();
      assertThat(after.lost()).as("documents lost").isEmpty();
      assertThat(after.doubled()).as("documents doubled").isEmpty();
      assertThat(after.rejectedOffsets()).isEqualTo(undisturbed.rejectedOffsets());
      assertThat(after.membership()).isEqualTo(undisturbed.membership());
    } finally {
      broker.stop();
    }
  }
}
