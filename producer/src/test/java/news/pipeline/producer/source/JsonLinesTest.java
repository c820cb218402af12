package news.pipeline.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

  @Test
  void goodLinesBecomeDocumentsAndBadLinesAreReportedWithTheirNumber() throws IOException {
    String input =
        """
        {"url": "https://example.com/1", "body": "one"}

        {"body": "two"
        {"url": "https://example.com/3", "body": "three"}\r
        {"nobody": true}
        """;
    CollectingSink sink = new CollectingSink();
    long documents = new JsonLines(sink, 1000).read(utf8(input), "stdin", "stdin", Instant::now);

    assertThat(documents).isEqualTo(2);
    assertThat(sink.documents).extracting(d -> d.getUrl())
        .containsExactly("https://example.com/1", "https://example.com/3");
    assertThat(sink.failed).hasSize(2);
    assertThat(sink.failed.get(0)).startsWith("stdin line 3: not valid JSON");
    assertThat(sink.failed.get(1)).startsWith("stdin line 5: has no body");
  }

  @Test
  void overlongLineIsSkippedAndReadingGoesOn() throws IOException {
    String input = "{\"body\": \"" + "x".repeat(500) + "\"}\n{\"body\": \"short\"}";
    CollectingSink sink = new CollectingSink();
    new JsonLines(sink, 100).read(utf8(input), "file:a.jsonl", "file:a.jsonl", Instant::now);
    assertThat(sink.skipped).singleElement().asString().startsWith("file:a.jsonl line 1: line is longer than 100");
    assertThat(sink.documents).hasSize(1);
    assertThat(sink.documents.get(0).getSource()).isEqualTo("file:a.jsonl");
  }

  private static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
