package news.pipeline.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @Test
  void defaultsLoadAndValidate() {
    PipelineConfig config = ConfigLoader.load(null, Map.of(), Map.of()).orThrow();

    assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(config.topics().canonical()).isEqualTo("news.articles.canonical.v1");
    assertThat(config.dedup().horizon()).isEqualTo(Duration.ofDays(3));
    assertThat(config.kafka()).isEmpty();
  }

  @Test
  void fileThenEnvironmentThenOptionsOverride(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("app.properties");
    Files.writeString(file, "dedup.horizon=P7D\ntopics.partitions=6\nkafka.security.protocol=SASL_SSL\n");

    PipelineConfig config =
        ConfigLoader.load(
                file,
                Map.of("NEWS_PIPELINE_TOPICS_PARTITIONS", "12", "HOME", "/root"),
                Map.of("bootstrap.servers", "broker:9093"))
            .orThrow();

    assertThat(config.dedup().horizon()).isEqualTo(Duration.ofDays(7));
    assertThat(config.topicPartitions()).isEqualTo(12);
    assertThat(config.bootstrapServers()).isEqualTo("broker:9093");
    assertThat(config.kafka()).containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void everyProblemIsReportedAtOnce(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "dedup.horizon=three days\ndedup.title.threshold=1.5\nno.such.key=1\n");

    ConfigLoader.Result result = ConfigLoader.load(file, Map.of(), Map.of());

    assertThat(result.config()).isEmpty();
    assertThat(result.errors())
        .anyMatch(e -> e.contains("dedup.horizon=three days") && e.contains("ISO-8601"))
        .anyMatch(e -> e.contains("dedup.title.threshold=1.5"))
        .anyMatch(e -> e.contains("unknown key 'no.such.key'"));
    assertThatThrownBy(result::orThrow).hasMessageContaining("invalid configuration");
  }
}
