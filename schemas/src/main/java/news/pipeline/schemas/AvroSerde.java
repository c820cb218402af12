package news.pipeline.schemas;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde for one generated Avro class, in Avro single-object encoding: the two marker
 * bytes {@code C3 01}, the 8-byte CRC-64-AVRO fingerprint of the writer schema, then the binary
 * body. Readers resolve older writer schemas through {@link SchemaHistory}.
 *
 * <p>{@code Serde<CanonicalArticle> serde = EventSerdes.canonicalArticle();}
 *
 * <p>A null value (a tombstone) passes through as null both ways.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  public AvroSerde(BinaryMessageEncoder<T> encoder, BinaryMessageDecoder<T> decoder) {
    this.encoder = encoder;
    this.decoder = decoder;
  }

  /** Encodes one record; never returns null for a non-null record. */
  public byte[] encode(T value) {
    try {
      ByteBuffer buffer = encoder.encode(value);
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode " + value.getSchema().getFullName(), e);
    }
  }

  /**
   * Decodes one record.
   *
   * @throws SerializationException when the bytes are not single-object encoded, the schema
   *     fingerprint is unknown, or the body is truncated or corrupt
   */
  public T decode(byte[] bytes) {
    try {
      return decoder.decode(bytes);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot decode Avro single-object message: " + e.getMessage(), e);
    }
  }

  /** Whether the bytes start with the Avro single-object marker {@code C3 01}. */
  public static boolean looksLikeAvro(byte[] bytes) {
    return bytes != null && bytes.length >= 10 && (bytes[0] & 0xFF) == 0xC3 && bytes[1] == 0x01;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode(bytes);
  }
}
