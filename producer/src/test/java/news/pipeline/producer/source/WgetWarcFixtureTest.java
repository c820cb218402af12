package news.pipeline.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.document.RawDocuments;
import news.pipeline.producer.publish.DocumentPublisher;
import news.pipeline.producer.publish.Summary;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A WARC recorded by real wget against a local web server (see resources/warc/README.md). */
class WgetWarcFixtureTest {

  private static final Path FIXTURE = Path.of("src/test/resources/warc/harbour-gazette.warc.gz");

  @Test
  void responsesBecomeDocumentsWithTargetUriDateTypeAndCharset() {
    CollectingSink sink = new CollectingSink();
    new FileSource(sink, 1_000_000, relative -> true).read(FIXTURE);

    assertThat(sink.failed).isEmpty();
    assertThat(sink.documents).extracting(RawDocument::getUrl).containsExactly(
        "http://127.0.0.1:8765/index.html",
        "http://127.0.0.1:8765/ferry-strike.html",
        "http://127.0.0.1:8765/notes.txt");
    assertThat(sink.documents).extracting(RawDocument::getContentType)
        .containsExactly(ContentType.HTML, ContentType.HTML, ContentType.TEXT);
    RawDocument story = sink.documents.get(1);
    assertThat(new String(RawDocuments.bodyBytes(story), StandardCharsets.UTF_8))
        .contains("Crews on the island ferry route voted on Tuesday");
    assertThat(story.getFetchedAt()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(story.getHeaders()).containsKey("content-type");
    assertThat(story.getSource()).isEqualTo("file:harbour-gazette.warc.gz");
    assertThat(story.getMetadata()).containsEntry("http.status", "200").containsKey("warc.record-id");
  }

  @Test
  void requestMetadataAndOtherRecordsAreSkippedAndCountedByKind() {
    MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    Summary summary;
    try (DocumentPublisher publisher = new DocumentPublisher(producer, "raw", 1_000_000)) {
      DocumentSink sink = new DocumentSink() {
        @Override
        public void accept(RawDocument document) {
          publisher.publish(document);
        }

        @Override
        public void skip(String where, String reason) {
          publisher.skip(where, reason);
        }

        @Override
        public void fail(String where, String reason) {
          publisher.fail(where, reason);
        }
      };
      new FileSource(sink, 1_000_000, relative -> true).read(FIXTURE);
      publisher.flush();
      summary = publisher.summary();
    }
    assertThat(summary.sent()).isEqualTo(3);
    assertThat(summary.failed()).isZero();
    assertThat(summary.skipped()).isEqualTo(10);
    assertThat(summary.skippedByReason()).isEqualTo(Map.of(
        "WARC request record", 5L,
        "WARC warcinfo record", 1L,
        "WARC metadata record", 1L,
        "WARC resource record", 1L,
        "WARC response with HTTP status 404", 1L,
        "WARC response with payload type image/png", 1L));
    assertThat(producer.history()).extracting(r -> r.key()).doesNotContainNull().doesNotHaveDuplicates();
  }
}
