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
  void theDefaultStateDirIsInThePipelinesFolderAndAGivenOneIsTakenAsItIs(@TempDir Path home) {
    String before = System.getProperty(PipelineHome.PROPERTY);
    System.setProperty(PipelineHome.PROPERTY, home.toString());
    try {
      assertThat(ConfigLoader.load(null, Map.of(), Map.of()).orThrow().stateDir())
          .isEqualTo(home.resolve("data/streams-state"));
      assertThat(ConfigLoader.load(null, Map.of("NEWS_PIPELINE_STATE_DIR", "my-state"), Map.of()).orThrow().stateDir())
          .isEqualTo(Path.of("my-state"));
      assertThat(ConfigLoader.load(null, Map.of(), Map.of("state.dir", "/var/lib/news")).orThrow().stateDir())
          .isEqualTo(Path.of("/var/lib/news"));
    } finally {
      if (before == null) {
        System.clearProperty(PipelineHome.PROPERTY);
      } else {
        System.setProperty(PipelineHome.PROPERTY, before);
      }
    }
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

  @Test
  void parseWorkersDefaultToTheFileAndMustBeBetweenOneAndSixteen() {
    assertThat(ConfigLoader.load(null, Map.of(), Map.of()).orThrow().parseWorkers()).isEqualTo(2);
    assertThat(ConfigLoader.load(null, Map.of("NEWS_PIPELINE_PARSE_WORKERS", "1"), Map.of()).orThrow().parseWorkers())
        .isEqualTo(1);
    assertThat(ConfigLoader.load(null, Map.of(), Map.of("parse.workers", "0")).errors())
        .singleElement().asString().contains("parse.workers=0").contains("1 to 16");
  }

  @Test
  void theCandidatesTopicMustOutliveLiveArticles() {
    assertThat(ConfigLoader.load(null, Map.of(), Map.of()).orThrow().dedup().candidateRetention())
        .isEqualTo(Duration.ofDays(30));

    ConfigLoader.Result tooShort =
        ConfigLoader.load(null, Map.of(), Map.of("dedup.horizon", "P3D", "dedup.candidate.retention", "P5D"));

    assertThat(tooShort.errors())
        .singleElement()
        .satisfies(e -> assertThat(e).contains("dedup.candidate.retention (PT120H)").contains("at least twice"));
    assertThat(ConfigLoader.load(null, Map.of(), Map.of("dedup.candidate.retention", "P6D")).errors()).isEmpty();
  }

  @Test
  void operationsSettingsHaveDefaultsAndEnvironmentOverrides() {
    PipelineConfig defaults = ConfigLoader.load(null, Map.of(), Map.of()).orThrow();
    PipelineConfig overridden =
        ConfigLoader.load(
                null,
                Map.of("NEWS_PIPELINE_HTTP_PORT", "9404", "NEWS_PIPELINE_SHUTDOWN_TIMEOUT", "PT1M",
                    "NEWS_PIPELINE_LIVE_ARTICLES", "20"),
                Map.of())
            .orThrow();

    assertThat(defaults.ops()).isEqualTo(new PipelineConfig.Ops(8080, Duration.ofSeconds(30), 50));
    assertThat(overridden.ops()).isEqualTo(new PipelineConfig.Ops(9404, Duration.ofMinutes(1), 20));
    assertThat(ConfigLoader.load(null, Map.of("NEWS_PIPELINE_HTTP_PORT", "-1"), Map.of()).orThrow().ops().httpEnabled())
        .as("-1 turns the HTTP server off")
        .isFalse();
  }

  @Test
  void badOperationsSettingsAreReportedTogether(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ops.properties");
    Files.writeString(file, "http.port=80800\nshutdown.timeout=30s\nlive.articles=0\n");

    ConfigLoader.Result result =
        ConfigLoader.load(file, Map.of("NEWS_PIPELINE_HTTP_PROT", "8080"), Map.of());

    assertThat(result.errors())
        .anyMatch(e -> e.startsWith("http.port=80800 is invalid"))
        .anyMatch(e -> e.startsWith("shutdown.timeout=30s is invalid") && e.contains("PT30S"))
        .anyMatch(e -> e.startsWith("live.articles=0 is invalid"))
        .anyMatch(e -> e.contains("unknown key 'http.prot'") && e.contains("NEWS_PIPELINE_HTTP_PROT"))
        .hasSize(4);
  }

  @Test
  void aGoodFileWithEveryKindOfKeyLoads(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("good.properties");
    Files.writeString(file, """
        # a production-like file
        bootstrap.servers=kafka-1:9092,kafka-2:9092
        application.id=news-pipeline-v1
        num.stream.threads=4
        http.port=0
        kafka.num.standby.replicas=1
        kafka.security.protocol=SSL
        """);

    PipelineConfig config = ConfigLoader.load(file, Map.of(), Map.of()).orThrow();

    assertThat(config.streamThreads()).isEqualTo(4);
    assertThat(config.ops().httpPort()).as("0: a free port").isZero();
    assertThat(config.kafka()).containsEntry("num.standby.replicas", "1").containsEntry("security.protocol", "SSL");
  }
}
