package news.pipeline.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import news.pipeline.app.Seeds;
import news.pipeline.app.enrich.CandidateBuilder;
import news.pipeline.app.parse.MetadataRecordParser;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.avro.internal.ArticleCandidate;
import org.junit.jupiter.api.Test;

class CandidateEventTimeTest {

  @Test
  void aCandidateWrittenTodayIsTimedByItsFetchTime() {
    Instant fetched = Instant.parse("2020-06-11T04:00:00Z");
    String yaml = Seeds.read(Seeds.YAML_RECORD);
    RawDocument raw =
        RawDocument.newBuilder().setId("old-crawl").setContentType(ContentType.FRONT_MATTER)
            .setBody(ByteBuffer.wrap(yaml.getBytes(StandardCharsets.UTF_8)))
            .setFetchedAt(fetched).setSource("test").build();
    ArticleCandidate candidate =
        new CandidateBuilder().build(raw, 0, new MetadataRecordParser(10_000_000).frontMatter(yaml).drafts().get(0));
    long appendedToday = System.currentTimeMillis();
    ConsumerRecord<Object, Object> record =
        new ConsumerRecord<>("app-dedup-candidates", 0, 42L, appendedToday, TimestampType.LOG_APPEND_TIME, 0, 0, "key",
            candidate, new RecordHeaders(), Optional.empty());

    assertThat(new CandidateEventTime().extract(record, -1)).isEqualTo(fetched.toEpochMilli());
  }

  @Test
  void anythingElseKeepsItsRecordTimestamp() {
    ConsumerRecord<Object, Object> record = new ConsumerRecord<>("t", 0, 0L, "key", List.of(Map.of()));
    assertThat(new CandidateEventTime().extract(record, -1)).isEqualTo(record.timestamp());
  }
}
