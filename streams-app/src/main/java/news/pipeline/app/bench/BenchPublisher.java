package news.pipeline.app.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.publish.DocumentPublisher;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventSerdes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the bench's documents to a raw topic as the crawler would: the producer settings,
 * record key and timestamp (the fetch time) of {@link DocumentPublisher}.
 */
final class BenchPublisher {

  private final BenchDocuments documents;
  private final PrintStream err;
  private final AvroSerde<RawDocument> rawSerde = EventSerdes.rawDocument();

  BenchPublisher(BenchDocuments documents, PrintStream err) {
    this.documents = documents;
    this.err = err;
  }

  /** A producer with {@link DocumentPublisher}'s settings for the config's broker and size limit. */
  KafkaProducer<String, byte[]> producer(PipelineConfig config) {
    Map<String, Object> props =
        DocumentPublisher.producerConfig(config.bootstrapServers(), config.maxDocumentBytes(), Map.of());
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * Publishes documents {@code from} to {@code to - 1} to the config's raw topic; not timed.
   *
   * @return the encoded bytes published
   */
  long publish(PipelineConfig config, long from, long to) {
    long started = System.nanoTime();
    long bytes = 0;
    try (KafkaProducer<String, byte[]> producer = producer(config)) {
      for (long i = from; i < to; i++) {
        Instant fetchedAt = Instant.now();
        bytes += send(producer, config, documents.document(i, fetchedAt), fetchedAt);
        if ((i + 1 - from) % 500 == 0) {
          err.printf(Locale.ROOT, "published %,d of %,d documents%n", i + 1 - from, to - from);
        }
      }
      producer.flush();
    }
    err.printf(Locale.ROOT, "published %,d documents (%.1f MB) to %s in %.1f s%n",
        to - from, bytes / 1e6, config.topics().raw(), (System.nanoTime() - started) / 1e9);
    return bytes;
  }

  /**
   * Sends one document to the config's raw topic, keyed as {@link DocumentPublisher} does, with
   * the fetch time as the record timestamp.
   *
   * @return the encoded size
   */
  int send(KafkaProducer<String, byte[]> producer, PipelineConfig config, RawDocument doc, Instant fetchedAt) {
    byte[] value = rawSerde.encode(doc);
    producer.send(new ProducerRecord<>(
        config.topics().raw(), null, fetchedAt.toEpochMilli(), DocumentPublisher.recordKey(doc), value));
    return value.length;
  }
}
