package news.pipeline.producer.publish;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Avro single-object encoding into an array of exactly the encoded size. A first pass only counts
 * the bytes (a body is counted by its length, not copied); the second writes into the array. The
 * body is copied once, where the message encoder's own {@code encode} writes it into a growing
 * buffer, copies that, and the serde copies it once more. The bytes are the same as {@code
 * AvroSerde#encode}'s.
 *
 * <p>{@code byte[] value = new ExactSizeEncoder<>(RawDocument.getEncoder()).encode(document);}
 *
 * <p>Thread-safe: the message encoder keeps its reusable state per thread.
 */
final class ExactSizeEncoder<T> {

  private final BinaryMessageEncoder<T> encoder;

  ExactSizeEncoder(BinaryMessageEncoder<T> encoder) {
    this.encoder = encoder;
  }

  /** The encoded size of a record, found without copying its bytes anywhere. */
  long size(T record) {
    Counting counting = new Counting();
    write(record, counting);
    return counting.count;
  }

  /** The encoding of a record whose {@link #size} is known. */
  byte[] encode(T record, long size) {
    if (size > Integer.MAX_VALUE - 16) {
      throw new SerializationException("a record of " + size + " bytes does not fit an array");
    }
    Filling filling = new Filling(new byte[(int) size]);
    write(record, filling);
    if (filling.position != size) {
      throw new IllegalStateException("encoded " + filling.position + " bytes, counted " + size);
    }
    return filling.bytes;
  }

  /** The encoding of a record. */
  byte[] encode(T record) {
    return encode(record, size(record));
  }

  private void write(T record, OutputStream out) {
    try {
      encoder.encode(record, out);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode " + record.getClass().getSimpleName(), e);
    }
  }

  private static final class Counting extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  private static final class Filling extends OutputStream {
    final byte[] bytes;
    int position;

    Filling(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public void write(int b) {
      bytes[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      System.arraycopy(b, off, bytes, position, len);
      position += len;
    }
  }
}
