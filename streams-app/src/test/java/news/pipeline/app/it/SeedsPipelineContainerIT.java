package news.pipeline.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import news.pipeline.app.Seeds;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.IdleWaiter;
import news.pipeline.app.run.OutputSnapshot;
import news.pipeline.app.run.PipelineRunner;
import news.pipeline.app.run.SeedPublisher;
import news.pipeline.app.run.TopicSetup;

/**
 * The seeds run against the official {@code apache/kafka} image, as docker-compose users run it.
 * Skipped (not failed) where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class SeedsPipelineContainerIT {

  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.3.1");

  @Test
  void seedsBecomeCanonicalArticlesOnTheApacheKafkaImage(@TempDir Path state) throws Exception {
    PipelineConfig config =
        ConfigLoader.load(
                null,
                Map.of(),
                Map.of("bootstrap.servers", KAFKA.getBootstrapServers(), "application.id", "seeds-container-it",
                    "state.dir", state.toString()))
            .orThrow();
    TopicSetup.ensureTopics(config);
    SeedPublisher.publish(config, Seeds.DIR);
    try (PipelineRunner runner = PipelineRunner.start(config); Admin admin = Admin.create(ClientSettings.admin(config))) {
      runner.awaitRunning(Duration.ofSeconds(60));
      new IdleWaiter(config, admin).awaitIdle(Duration.ofSeconds(1), Duration.ofSeconds(120), lag -> {}, () -> runner.failure() == null);
    }

    OutputSnapshot output = OutputSnapshot.read(config);

    assertThat(output.memberCount()).isEqualTo(16);
    assertThat(output.articles()).hasSize(14);
    assertThat(output.rejected()).isEmpty();
  }
}
