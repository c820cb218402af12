package news.pipeline.app.tail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import news.pipeline.app.topology.Topics;
import news.pipeline.avro.ArticleMember;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.DedupDecision;
import news.pipeline.avro.MatchSignal;
import news.pipeline.schemas.EventSerdes;

class RecordRendererTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static CanonicalArticle article(String id, String title, Instant firstSeen) {
    return CanonicalArticle.newBuilder()
        .setId(id)
        .setTitle(title)
        .setUrls(List.of("https://example.com/" + id))
        .setFirstSeen(firstSeen)
        .setLastSeen(firstSeen)
        .setMembers(
            List.of(
                ArticleMember.newBuilder()
                    .setDocumentId(id)
                    .setUrl("https://example.com/" + id)
                    .setSource("test")
                    .setEventTime(firstSeen)
                    .setMatchedBy(MatchSignal.FIRST)
                    .setSimilarity(1.0)
                    .build()))
        .build();
  }

  static ConsumerRecord<String, byte[]> record(String key, byte[] value, RecordHeaders headers) {
    return new ConsumerRecord<>(
        "t", 1, 42, 1_591_790_400_000L, TimestampType.CREATE_TIME, -1, -1, key, value, headers, Optional.empty());
  }

  @Test
  void canonicalArticleRendersItsFieldsWithIsoTimes() throws Exception {
    byte[] bytes = EventSerdes.canonicalArticle().encode(article("doc-1", "Amazon bans police use", Instant.parse("2020-06-10T12:00:00Z")));

    JsonNode json = MAPPER.readTree(RecordRenderer.render(record("doc-1", bytes, new RecordHeaders()), RecordRenderer.Kind.CANONICAL));

    assertThat(json.get("id").asText()).isEqualTo("doc-1");
    assertThat(json.get("title").asText()).isEqualTo("Amazon bans police use");
    assertThat(json.get("firstSeen").asText()).isEqualTo("2020-06-10T12:00:00Z");
    assertThat(json.get("members").get(0).get("matchedBy").asText()).isEqualTo("FIRST");
  }

  @Test
  void canonicalTombstoneRendersAsRetired() throws Exception {
    JsonNode json = MAPPER.readTree(RecordRenderer.render(record("doc-2", null, new RecordHeaders()), RecordRenderer.Kind.CANONICAL));

    assertThat(json.get("id").asText()).isEqualTo("doc-2");
    assertThat(json.get("retired").asBoolean()).isTrue();
  }

  @Test
  void rejectedRecordShowsStageReasonSourceAndAPreview() throws Exception {
    RecordHeaders headers = new RecordHeaders();
    headers.add(new RecordHeader(Topics.HEADER_STAGE, "parse".getBytes(StandardCharsets.UTF_8)));
    headers.add(new RecordHeader(Topics.HEADER_REASON, "not a news document".getBytes(StandardCharsets.UTF_8)));
    headers.add(new RecordHeader(Topics.HEADER_SOURCE_TOPIC, "news.documents.raw.v1".getBytes(StandardCharsets.UTF_8)));
    headers.add(new RecordHeader(Topics.HEADER_SOURCE_PARTITION, "2".getBytes(StandardCharsets.UTF_8)));
    headers.add(new RecordHeader(Topics.HEADER_SOURCE_OFFSET, "17".getBytes(StandardCharsets.UTF_8)));

    JsonNode json =
        MAPPER.readTree(
            RecordRenderer.render(record("k", "{\"oops\": true}".getBytes(StandardCharsets.UTF_8), headers), RecordRenderer.Kind.REJECTED));

    assertThat(json.get("stage").asText()).isEqualTo("parse");
    assertThat(json.get("reason").asText()).isEqualTo("not a news document");
    assertThat(json.get("source").asText()).isEqualTo("news.documents.raw.v1/2/17");
    assertThat(json.get("bytes").asInt()).isEqualTo(14);
    assertThat(json.get("text").asText()).isEqualTo("{\"oops\": true}");
    assertThat(json.get("headers").get(Topics.HEADER_REASON).asText()).isEqualTo("not a news document");
  }

  @Test
  void streamsDeadLetterHeadersFillTheReason() throws Exception {
    RecordHeaders headers = new RecordHeaders();
    headers.add(new RecordHeader("__streams.errors.exception", "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8)));
    headers.add(new RecordHeader("__streams.errors.message", "boom".getBytes(StandardCharsets.UTF_8)));

    JsonNode json = MAPPER.readTree(RecordRenderer.render(record("k", new byte[] {0, 1, 2}, headers), RecordRenderer.Kind.AUTO));

    assertThat(json.get("stage").asText()).isEqualTo("streams");
    assertThat(json.get("reason").asText()).isEqualTo("boom");
    assertThat(json.get("exception").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(json.has("text")).as("binary values get no text preview").isFalse();
  }

  @Test
  void autoRecognisesADecisionByItsSchemaFingerprint() throws Exception {
    DedupDecision decision =
        DedupDecision.newBuilder()
            .setDocumentId("doc-9")
            .setArticleId("doc-1")
            .setMatchedBy(MatchSignal.TITLE)
            .setSimilarity(0.92)
            .setEventTime(Instant.parse("2020-06-10T12:00:00Z"))
            .build();

    JsonNode json =
        MAPPER.readTree(
            RecordRenderer.render(record("doc-9", EventSerdes.dedupDecision().encode(decision), new RecordHeaders()), RecordRenderer.Kind.AUTO));

    assertThat(json.get("articleId").asText()).isEqualTo("doc-1");
    assertThat(json.get("matchedBy").asText()).isEqualTo("TITLE");
  }

  @Test
  void autoShowsJsonValuesAsJson() throws Exception {
    JsonNode json =
        MAPPER.readTree(
            RecordRenderer.render(record("u", "{\"url\":\"https://a.example/x\"}".getBytes(StandardCharsets.UTF_8), new RecordHeaders()),
                RecordRenderer.Kind.AUTO));

    assertThat(json.get("value").get("url").asText()).isEqualTo("https://a.example/x");
  }

  @Test
  void undecodableValueRendersAnErrorLineInsteadOfThrowing() throws Exception {
    JsonNode json =
        MAPPER.readTree(RecordRenderer.render(record("bad", new byte[] {1, 2, 3}, new RecordHeaders()), RecordRenderer.Kind.CANONICAL));

    assertThat(json.get("key").asText()).isEqualTo("bad");
    assertThat(json.get("offset").asLong()).isEqualTo(42);
    assertThat(json.get("error").asText()).contains("cannot decode");
  }

  @Test
  void previewFlattensWhitespaceAndCutsLongText() {
    String preview = RecordRenderer.preview("a\n\n  b " + "x".repeat(400));

    assertThat(preview).startsWith("a b x").endsWith("…").hasSize(RecordRenderer.PREVIEW_CHARS + 1);
  }
}
