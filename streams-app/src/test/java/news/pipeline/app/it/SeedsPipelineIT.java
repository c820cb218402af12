package news.pipeline.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import news.pipeline.app.Seeds;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.IdleWaiter;
import news.pipeline.app.run.OutputSnapshot;
import news.pipeline.app.run.PipelineRunner;
import news.pipeline.app.run.SeedPublisher;
import news.pipeline.app.run.TopicSetup;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.testkit.TestKafka;

/** The seeds through the real topology on a real broker, exactly-once, three partitions. */
class SeedsPipelineIT {

  private static TestKafka kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = TestKafka.start();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  static PipelineConfig config(String appId, Path stateDir, int partitions) {
    return ConfigLoader.load(
            null,
            Map.of(),
            Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "application.id", appId,
                "state.dir", stateDir.toString(),
                "topics.partitions", Integer.toString(partitions)))
        .orThrow();
  }

  static OutputSnapshot runToIdle(PipelineConfig config, Path input) throws Exception {
    TopicSetup.ensureTopics(config);
    assertThat(SeedPublisher.publish(config, input).sent()).isEqualTo(5);
    try (PipelineRunner runner = PipelineRunner.start(config); Admin admin = Admin.create(ClientSettings.admin(config))) {
      runner.awaitRunning(Duration.ofSeconds(60));
      new IdleWaiter(config, admin).awaitIdle(Duration.ofSeconds(1), Duration.ofSeconds(90), lag -> {}, () -> runner.failure() == null);
    }
    return OutputSnapshot.read(config);
  }

  @Test
  void seedsBecomeCanonicalArticlesWithTheApCopiesMerged(@TempDir Path state) throws Exception {
    PipelineConfig config = config("seeds-it", state, 3);

    OutputSnapshot output = runToIdle(config, Seeds.DIR);

    assertThat(output.rejected()).isEmpty();
    assertThat(output.memberCount()).as("16 candidates: 12 from the YAML record, 4 text dumps").isEqualTo(16);
    assertThat(output.decisions()).hasSize(16);
    assertThat(output.articles()).hasSize(14);
    CanonicalArticle globe =
        output.articles().values().stream()
            .filter(a -> a.getUrls().stream().anyMatch(u -> u.contains("bostonglobe.com")))
            .findFirst()
            .orElseThrow();
    assertThat(globe.getUrls()).anyMatch(u -> u.contains("charlotteobserver.com"));
    List<String> titles = output.articles().values().stream().map(CanonicalArticle::getTitle).toList();
    assertThat(titles)
        .contains(
            "Amazon halts police use of its facial recognition technology",
            "Police Use of Amazon Facial Recognition Software on Hold");
  }
}
