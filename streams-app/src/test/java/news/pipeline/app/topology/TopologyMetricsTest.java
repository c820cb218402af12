package news.pipeline.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.ops.PipelineMetrics;
import news.pipeline.avro.RawDocument;
import news.pipeline.schemas.EventSerdes;

/** The processors report to the {@link PipelineMetrics} found in their app configs. */
class TopologyMetricsTest {

  @TempDir Path stateDir;
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final PipelineMetrics metrics = new PipelineMetrics(registry);
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;

  @BeforeEach
  void start() {
    PipelineConfig config =
        ConfigLoader.load(null, Map.of(), Map.of("state.dir", stateDir.toString(), "application.id", "metrics-test"))
            .orThrow();
    Properties props = metrics.attachTo(StreamsSettings.properties(config));
    driver = new TopologyTestDriver(ArticleTopology.build(config), props);
    raw = driver.createInputTopic(Topics.RAW, Serdes.String().serializer(), Serdes.ByteArray().serializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void seedsAreCountedInMergedByTitleAndOut() throws Exception {
    for (RawDocument doc : ArticleTopologyTest.seeds()) {
      raw.pipeInput(doc.getId(), EventSerdes.rawDocument().encode(doc), doc.getFetchedAt());
    }

    PipelineMetrics.Snapshot s = metrics.snapshot();
    assertThat(s.documentsIn()).isEqualTo(5);
    assertThat(s.candidates()).isEqualTo(16);
    assertThat(s.newArticles()).isEqualTo(14);
    assertThat(s.mergedBySignal()).containsEntry("TITLE", 2L).containsEntry("URL", 0L).containsEntry("BODY", 0L);
    assertThat(s.dedupRate()).isEqualTo(2.0 / 16);
    assertThat(s.canonicalVersions()).isEqualTo(16);
    assertThat(s.rejected()).isZero();
    assertThat(registry.get("news.pipeline.duplicates.merged").tag("signal", "TITLE").counter().count()).isEqualTo(2);
    for (String stage : new String[] {"decode", "parse_clean", "enrich", "dedup"}) {
      assertThat(registry.get("news.pipeline.stage.latency").tag("stage", stage).timer().count())
          .as("timed stage %s", stage)
          .isPositive();
    }
  }

  @Test
  void rejectsAreCountedByStageAndReasonClass() {
    raw.pipeInput("a", "not a document".getBytes(StandardCharsets.UTF_8));
    raw.pipeInput("b", new byte[0]);
    raw.pipeInput("c", "still not a document".getBytes(StandardCharsets.UTF_8));

    assertThat(metrics.snapshot().rejects())
        .extracting(PipelineMetrics.RejectCount::stage, PipelineMetrics.RejectCount::reason, PipelineMetrics.RejectCount::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "decode", "value is neither an Avro single-object RawDocument", 2L),
            org.assertj.core.groups.Tuple.tuple("decode", "empty record value", 1L));
  }

  @Test
  void aTopologyWithoutMetricsReportsToNoop() {
    assertThat(PipelineMetrics.from(Map.of())).isSameAs(PipelineMetrics.NOOP);
    assertThat(PipelineMetrics.from(Map.of(PipelineMetrics.CONFIG_KEY, metrics))).isSameAs(metrics);
  }
}
