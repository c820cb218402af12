package news.pipeline.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import news.pipeline.app.Seeds;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.enrich.CandidateBuilder;
import news.pipeline.app.it.PipelineRuns;
import news.pipeline.app.ops.PipelineMetrics;
import news.pipeline.app.parse.MetadataRecordParser;
import news.pipeline.app.parse.ParseResult;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.TopicSetup;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.schemas.EventSerdes;
import news.pipeline.testkit.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candidates topic as dedup's candidate log, on a real broker. */
class KafkaCandidateLogIT {

  @Test
  void readsACandidateBackByItsOffsetAndReportsOneRetentionDeleted(@TempDir Path dir) throws Exception {
    try (TestKafka kafka = TestKafka.start()) {
      PipelineConfig config = PipelineRuns.config(kafka.bootstrapServers(), "candidate-log-it", dir, Map.of());
      TopicSetup.ensureTopics(config);
      String topic = Topics.candidates(config);
      List<ArticleCandidate> candidates = seedCandidates();
      List<Long> offsets = publish(config, topic, candidates);

      try (Admin admin = Admin.create(ClientSettings.admin(config))) {
        assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions())
            .as("one partition: one task decides")
            .hasSize(1);
        var configs =
            admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic))).all().get(30, TimeUnit.SECONDS)
                .values().iterator().next();
        assertThat(configs.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG).value()).isEqualTo("LogAppendTime");
        assertThat(configs.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo(Long.toString(30L * 24 * 3600_000));

        PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry());
        try (KafkaCandidateLog log = new KafkaCandidateLog(config, topic)) {
          log.countIn(metrics);
          for (int i = candidates.size() - 1; i >= 0; i--) {
            assertThat(log.read(offsets.get(i)).getDocumentId()).isEqualTo(candidates.get(i).getDocumentId());
          }
          assertThat(log.fetches()).isEqualTo(candidates.size());

          ArticleCandidate seen = candidates.get(0);
          log.saw(offsets.get(0), seen);
          assertThat(log.read(offsets.get(0))).isSameAs(seen);
          assertThat(log.fetches()).as("a candidate dedup saw last is not fetched again").isEqualTo(candidates.size());
          assertThat(metrics.registry().get("news.pipeline.representatives.read").tag("from", "broker").counter().count())
              .isEqualTo(candidates.size());
          assertThat(metrics.registry().get("news.pipeline.representatives.read").tag("from", "cache").counter().count())
              .isEqualTo(1);

          admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(offsets.get(2))))
              .all().get(30, TimeUnit.SECONDS);
          try (KafkaCandidateLog fresh = new KafkaCandidateLog(config, topic)) {
            assertThat(fresh.read(offsets.get(1))).as("deleted by retention").isNull();
            assertThat(fresh.read(offsets.get(2)).getDocumentId()).isEqualTo(candidates.get(2).getDocumentId());
          }
        }
      }
    }
  }

  private static List<Long> publish(PipelineConfig config, String topic, List<ArticleCandidate> candidates) throws Exception {
    Map<String, Object> props = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    List<Long> offsets = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      for (ArticleCandidate c : candidates) {
        byte[] value = EventSerdes.articleCandidate().serializer().serialize(topic, c);
        offsets.add(producer.send(new ProducerRecord<>(topic, c.getDocumentId(), value)).get(30, TimeUnit.SECONDS).offset());
      }
    }
    return offsets;
  }

  private static List<ArticleCandidate> seedCandidates() {
    String yaml = Seeds.read(Seeds.YAML_RECORD);
    RawDocument raw =
        RawDocument.newBuilder()
            .setId("candidate-log-it")
            .setContentType(ContentType.FRONT_MATTER)
            .setBody(ByteBuffer.wrap(yaml.getBytes(StandardCharsets.UTF_8)))
            .setFetchedAt(Instant.parse("2020-06-11T04:00:00Z"))
            .setSource("test")
            .build();
    ParseResult parsed = new MetadataRecordParser(10_000_000).frontMatter(yaml);
    CandidateBuilder builder = new CandidateBuilder();
    List<ArticleCandidate> candidates = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      candidates.add(builder.build(raw, i, parsed.drafts().get(i)));
    }
    return candidates;
  }
}
