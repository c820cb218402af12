package news.pipeline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import news.pipeline.avro.ArticleMember;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.MatchSignal;
import news.pipeline.avro.RawDocument;

class AvroSerdeTest {

  private final AvroSerde<RawDocument> serde = EventSerdes.rawDocument();

  static RawDocument sample() {
    return RawDocument.newBuilder()
        .setId("0123456789abcdef")
        .setUrl("https://example.com/a")
        .setContentType(ContentType.HTML)
        .setBody(ByteBuffer.wrap("<html>hi</html>".getBytes(StandardCharsets.UTF_8)))
        .setFetchedAt(Instant.parse("2020-06-11T02:01:00Z"))
        .setSource("test")
        .setHeaders(Map.of("content-type", "text/html"))
        .build();
  }

  @Test
  void roundTripsInSingleObjectEncoding() {
    byte[] bytes = serde.serializer().serialize("t", sample());

    assertThat(bytes[0] & 0xFF).isEqualTo(0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(AvroSerde.looksLikeAvro(bytes)).isTrue();
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(sample());
  }

  @Test
  void tombstonesPassThroughAsNull() {
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void truncatedMessageIsASerializationError() {
    byte[] bytes = serde.encode(sample());
    byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

    assertThatThrownBy(() -> serde.decode(truncated)).isInstanceOf(SerializationException.class);
  }

  @Test
  void unknownFingerprintIsASerializationError() {
    byte[] bytes = serde.encode(sample());
    bytes[2] ^= 0x5A; // corrupt the schema fingerprint

    assertThatThrownBy(() -> serde.decode(bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("cannot decode");
  }

  @Test
  void plainJsonIsNotMistakenForAvro() {
    assertThat(AvroSerde.looksLikeAvro("{\"url\":\"x\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void jsonViewShowsTimestampsAsIsoAndEnumsAsSymbols() {
    CanonicalArticle article =
        CanonicalArticle.newBuilder()
            .setId("a1")
            .setTitle("Title")
            .setFirstSeen(Instant.parse("2020-06-11T02:01:00Z"))
            .setLastSeen(Instant.parse("2020-06-11T03:01:00Z"))
            .setMembers(
                List.of(
                    ArticleMember.newBuilder()
                        .setDocumentId("a1")
                        .setSource("s")
                        .setEventTime(Instant.parse("2020-06-11T02:01:00Z"))
                        .setMatchedBy(MatchSignal.FIRST)
                        .setSimilarity(1.0)
                        .build()))
            .build();

    String json = EventJson.toJsonLine(article);

    assertThat(json)
        .contains("\"id\":\"a1\"")
        .contains("\"firstSeen\":\"2020-06-11T02:01:00Z\"")
        .contains("\"matchedBy\":\"FIRST\"")
        .contains("\"publishedAt\":null");
  }
}
