package news.pipeline.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.document.RawDocuments;
import news.pipeline.schemas.EventSerdes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactSizeEncoderTest {

  private final ExactSizeEncoder<RawDocument> encoder = new ExactSizeEncoder<>(RawDocument.getEncoder());

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 127, 128, 70_000, 1_000_000})
  void writesTheSerdesBytesIntoAnArrayOfExactlyTheirSize(int bodyBytes) {
    byte[] body = "Grüße, <p>ferry</p> ".repeat(bodyBytes / 20 + 1).substring(0, bodyBytes).getBytes(StandardCharsets.UTF_8);
    RawDocument document = RawDocuments.create("file:é.html", bodyBytes % 2 == 0 ? "https://example.com/ä" : null,
        ContentType.HTML, body, Instant.parse("2024-06-11T02:01:00Z"), "utf-8",
        Map.of("Content-Type", "text/html"), Map.of("depth", "2", "crawler", "ünï"));

    byte[] expected = EventSerdes.rawDocument().encode(document);

    assertThat(encoder.size(document)).isEqualTo(expected.length);
    assertThat(encoder.encode(document)).isEqualTo(expected);
    assertThat(document.getBody().remaining()).isEqualTo(body.length); // the record is left as it was
  }
}
