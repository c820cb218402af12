package news.pipeline.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.document.RawDocuments;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventSerdes;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DocumentPublisherTest {

  private static final Instant FETCHED = Instant.parse("2020-06-11T02:01:00Z");

  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());

  private static RawDocument doc(String url, String body) {
    return RawDocuments.create("test", url, body.getBytes(StandardCharsets.UTF_8), FETCHED, null, Map.of(), Map.of());
  }

  @Test
  void recordIsKeyedByUrlTimestampedWithFetchTimeAndAvroEncoded() {
    RawDocument withUrl = doc("https://example.com/a", "a");
    RawDocument withoutUrl = doc(null, "b");
    try (DocumentPublisher publisher = new DocumentPublisher(producer, "raw", 1000)) {
      publisher.publish(withUrl);
      publisher.publish(withoutUrl);
      publisher.flush();

      List<ProducerRecord<String, byte[]>> sent = producer.history();
      assertThat(sent).extracting(ProducerRecord::key).containsExactly("example.com/a", withoutUrl.getId());
      assertThat(sent).extracting(ProducerRecord::timestamp).containsOnly(FETCHED.toEpochMilli());
      assertThat(sent).extracting(ProducerRecord::topic).containsOnly("raw");
      AvroSerde<RawDocument> serde = EventSerdes.rawDocument();
      assertThat(AvroSerde.looksLikeAvro(sent.get(0).value())).isTrue();
      assertThat(serde.decode(sent.get(0).value())).isEqualTo(withUrl);

      Summary summary = publisher.summary();
      assertThat(summary.sent()).isEqualTo(2);
      assertThat(summary.failed()).isZero();
      assertThat(summary.bytes()).isEqualTo(sent.get(0).value().length + sent.get(1).value().length);
    }
  }

  @Test
  void copiesOfOneArticleShareAKeyAndUrlsWithoutAKeyFallBackToTheId() {
    String[] copies = {
      "https://www.bbc.co.uk/news/b-1?utm_source=twitter",
      "http://bbc.co.uk/news/b-1/#comments",
      "https://www-bbc-co-uk.cdn.ampproject.org/c/s/www.bbc.co.uk/news/amp/b-1",
    };
    for (String url : copies) {
      assertThat(DocumentPublisher.recordKey(doc(url, "body of " + url))).as(url).isEqualTo("bbc.co.uk/news/b-1");
    }
    RawDocument local = doc("http://localhost:8000/a.html", "a");
    assertThat(DocumentPublisher.recordKey(local)).isEqualTo(local.getId());
  }

  @Test
  void everyOutcomeIsToldOnce() {
    List<DocumentPublisher.Outcome> outcomes = new ArrayList<>();
    try (DocumentPublisher publisher = new DocumentPublisher(producer, "raw", 1000)) {
      publisher.publish(doc(null, "a"), outcomes::add);
      publisher.publish(doc(null, "b"), outcomes::add);
      publisher.publish(doc(null, "x".repeat(2000)), outcomes::add);
      assertThat(outcomes).containsExactly(DocumentPublisher.Outcome.SKIPPED);
      producer.completeNext();
      producer.errorNext(new RecordTooLargeException("no"));
      assertThat(outcomes).containsExactly(
          DocumentPublisher.Outcome.SKIPPED, DocumentPublisher.Outcome.SENT, DocumentPublisher.Outcome.FAILED);
    }
  }

  @Test
  void skipsAndFailuresAreCountedByReasonGroup() {
    try (DocumentPublisher publisher = new DocumentPublisher(producer, "raw", 1000)) {
      for (int i = 0; i < 3; i++) {
        publisher.skip("file:a.warc", "WARC request record");
      }
      publisher.skip("file:b.html", "file is 20000 bytes, above the size limit of 10000 bytes");
      publisher.skip("file:c.html", "file is 30000 bytes, above the size limit of 10000 bytes");
      publisher.skip("file:a.warc", "WARC response with HTTP status 404");
      publisher.fail("stdin line 2", "not valid JSON");
      Summary summary = publisher.summary();
      assertThat(summary.skippedByReason()).containsExactly(
          Map.entry("WARC request record", 3L),
          Map.entry("file is N bytes, above the size limit of N bytes", 2L),
          Map.entry("WARC response with HTTP status 404", 1L));
      assertThat(summary.failedByReason()).containsExactly(Map.entry("not valid JSON", 1L));
    }
  }

  @Test
  void documentAboveTheSizeLimitIsSkippedWithAClearReason() {
    RawDocument big = doc(null, "x".repeat(2000));
    List<Problem> seen = new ArrayList<>();
    try (DocumentPublisher publisher = new DocumentPublisher(producer, "raw", 1000)) {
      publisher.onProblem(seen::add);
      assertThat(publisher.publish(big)).isFalse();
      publisher.flush();
      assertThat(producer.history()).isEmpty();
      Summary summary = publisher.summary();
      assertThat(summary.skipped()).isEqualTo(1);
      assertThat(summary.sent()).isZero();
      assertThat(summary.problems()).singleElement().satisfies(p -> {
        assertThat(p.kind()).isEqualTo(Problem.Kind.SKIPPED);
        assertThat(p.where()).isEqualTo("test");
        assertThat(p.reason()).contains(big.getId()).contains("above the size limit of 1000 bytes");
      });
      assertThat(seen).isEqualTo(summary.problems());
    }
  }

  @Test
  void failedSendIsCountedFromTheCallback() {
    try (DocumentPublisher publisher = new DocumentPublisher(producer, "raw", 1000)) {
      publisher.publish(doc(null, "a"));
      producer.errorNext(new RecordTooLargeException("too big for the broker"));
      publisher.flush();
      Summary summary = publisher.summary();
      assertThat(summary.failed()).isEqualTo(1);
      assertThat(summary.ok()).isFalse();
      assertThat(summary.problems().get(0).reason()).contains("RecordTooLargeException", "too big for the broker", "raise the topic's max.message.bytes");
    }
  }

  @Test
  void producerDefaultsAreSafeAndExtrasOverrideThem() {
    Map<String, Object> config =
        DocumentPublisher.producerConfig("h:1", 10 * 1024 * 1024, Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "x"));
    assertThat(config)
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "h:1")
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
        .containsEntry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    assertThat((Integer) config.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)).isGreaterThan(10 * 1024 * 1024);
  }

  @Test
  void nonPositiveLimitIsRefused() {
    assertThatThrownBy(() -> new DocumentPublisher(producer, "raw", 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
