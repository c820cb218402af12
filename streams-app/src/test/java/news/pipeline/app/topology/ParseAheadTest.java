package news.pipeline.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.parse.ParseResult;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.document.RawDocuments;
import news.pipeline.schemas.EventSerdes;

/** The raw topic's deserializer starts an Avro document's parse at once and passes anything else on as bytes. */
class ParseAheadTest {

  @TempDir Path stateDir;

  private ParseAhead ahead() {
    return ahead(1);
  }

  private ParseAhead ahead(int workers) {
    PipelineConfig config =
        ConfigLoader.load(null, Map.of(), Map.of("state.dir", stateDir.toString(), "application.id", "parse-ahead-test",
                "parse.workers", Integer.toString(workers)))
            .orThrow();
    return new ParseAhead(config);
  }

  private static byte[] page(String title) {
    String html = "<html><head><title>" + title + "</title></head><body><article><p>The body of " + title
        + " with enough words to be an article.</p></article></body></html>";
    RawDocument doc =
        RawDocuments.create(
            "test", "https://news.example/a", html.getBytes(StandardCharsets.UTF_8),
            Instant.parse("2024-05-01T10:00:00Z"), null, Map.of(), Map.of());
    return EventSerdes.rawDocument().encode(doc);
  }

  @Test
  void anAvroDocumentIsParsedBeforeAnyoneAsksForTheResult() throws Exception {
    ParseAhead ahead = ahead();
    byte[] bytes = page("Parsed ahead of time");

    ParseAhead.RawRecord record = ahead.deserialize("raw", bytes);

    assertThat(record.bytes()).isSameAs(bytes);
    assertThat(record.document().getUrl()).isEqualTo("https://news.example/a");
    assertThat(record.parse()).isNotNull();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!record.parse().isDone() && System.nanoTime() < deadline) {
      Thread.sleep(5); // nobody waits on it: the worker runs it on its own
    }
    assertThat(record.parse().isDone()).isTrue();
    ParseResult result = ahead.forThisThread().parser().finish(record.parse());
    assertThat(result.isRejected()).isFalse();
    assertThat(result.drafts().get(0).page().title()).isEqualTo("Parsed ahead of time");
  }

  @Test
  void whatIsNotAnAvroDocumentIsPassedOnAsBytesForTheProcessorToDecodeOrReject() {
    ParseAhead ahead = ahead();
    byte[] json = "{\"url\":\"https://news.example/b\",\"body\":\"<p>x</p>\"}".getBytes(StandardCharsets.UTF_8);
    byte[] truncatedAvro = java.util.Arrays.copyOf(page("Cut short"), 12);

    assertThat(ahead.deserialize("raw", json)).isEqualTo(ParseAhead.RawRecord.bytesOnly(json));
    assertThat(ahead.deserialize("raw", truncatedAvro)).isEqualTo(ParseAhead.RawRecord.bytesOnly(truncatedAvro));
    assertThat(ahead.deserialize("raw", null)).isEqualTo(ParseAhead.RawRecord.bytesOnly(null));
  }

  @Test
  void withSeveralWorkersEveryRecordStillGetsItsOwnPagesResult() {
    ParseAhead ahead = ahead(3);
    java.util.List<ParseAhead.RawRecord> records = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      records.add(ahead.deserialize("raw", page("Page number " + i)));
    }

    for (int i = 0; i < 40; i++) {
      ParseResult result = ahead.forThisThread().parser().finish(records.get(i).parse());
      assertThat(result.isRejected()).as("page %d", i).isFalse();
      assertThat(result.drafts().get(0).page().title()).isEqualTo("Page number " + i);
    }
  }

  @Test
  void eachThreadHasItsOwnParser() throws Exception {
    ParseAhead ahead = ahead();
    ParseAhead.ThreadParser mine = ahead.forThisThread();
    ParseAhead.ThreadParser[] other = new ParseAhead.ThreadParser[1];
    Thread thread = new Thread(() -> other[0] = ahead.forThisThread());
    thread.start();
    thread.join();

    assertThat(ahead.forThisThread()).isSameAs(mine);
    assertThat(other[0]).isNotNull().isNotSameAs(mine);
  }
}
