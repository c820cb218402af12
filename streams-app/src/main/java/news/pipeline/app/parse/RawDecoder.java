package news.pipeline.app.parse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.source.JsonEnvelope;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventSerdes;

/**
 * The first stage: a raw topic value as a {@link RawDocument}. Accepts Avro single-object encoding
 * and the JSON envelope (so any crawler can write to the raw topic); anything else is rejected
 * with a reason.
 */
public final class RawDecoder {

  static final String STAGE = "decode";

  /** A decoded document or the rejection. */
  public record Decoded(RawDocument document, Rejection rejection) {}

  private final AvroSerde<RawDocument> serde = EventSerdes.rawDocument();

  /**
   * @param recordTimestamp the Kafka record timestamp, the fetch time when the envelope has none
   */
  public Decoded decode(byte[] value, long recordTimestamp) {
    if (value == null || value.length == 0) {
      return new Decoded(null, Rejection.of(STAGE, "empty record value"));
    }
    if (AvroSerde.looksLikeAvro(value)) {
      try {
        return new Decoded(serde.decode(value), null);
      } catch (RuntimeException e) {
        return new Decoded(null, Rejection.of(STAGE, "not a readable RawDocument: " + e.getMessage(), e));
      }
    }
    int first = firstNonWhitespace(value);
    if (first >= 0 && value[first] == '{') {
      JsonEnvelope.Parsed parsed =
          JsonEnvelope.parse(
              new String(value, StandardCharsets.UTF_8), "raw-topic", () -> Instant.ofEpochMilli(recordTimestamp));
      return parsed.isOk()
          ? new Decoded(parsed.document(), null)
          : new Decoded(null, Rejection.of(STAGE, "invalid JSON envelope: " + parsed.error()));
    }
    return new Decoded(
        null,
        Rejection.of(STAGE, "value is neither an Avro single-object RawDocument (C3 01 marker) nor a JSON envelope object"));
  }

  private static int firstNonWhitespace(byte[] value) {
    int i = 0;
    if (value.length >= 3 && (value[0] & 0xFF) == 0xEF && (value[1] & 0xFF) == 0xBB && (value[2] & 0xFF) == 0xBF) {
      i = 3; // UTF-8 BOM
    }
    for (; i < value.length; i++) {
      if (!Character.isWhitespace(value[i])) {
        return i;
      }
    }
    return -1;
  }
}
