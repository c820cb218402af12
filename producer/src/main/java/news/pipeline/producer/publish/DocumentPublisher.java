package news.pipeline.producer.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import news.pipeline.avro.RawDocument;
import news.pipeline.url.UrlCanonicalizer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends {@link RawDocument}s to the raw topic: Avro single-object encoded, keyed by the URL's
 * dedup key (or the id when there is none, see {@link #recordKey}), timestamped with the fetch
 * time. The producer is idempotent with {@code acks=all} and lz4 compression; documents whose
 * encoded size is above the limit are skipped with a reason instead of being sent. Outcomes are counted from the send callbacks; read them with
 * {@link #summary()} after {@link #flush()}.
 *
 * <pre>{@code
 * try (DocumentPublisher publisher = new DocumentPublisher("localhost:9092", DEFAULT_TOPIC,
 *     DEFAULT_MAX_BYTES, Map.of())) {
 *   publisher.publish(document);
 *   publisher.flush();
 *   Summary summary = publisher.summary();
 * }
 * }</pre>
 *
 * <p>A broker rejects records above its {@code message.max.bytes} (about 1 MB by default) unless
 * the topic's {@code max.message.bytes} is raised; such a rejection is counted as failed.
 */
public final class DocumentPublisher implements AutoCloseable {

  public static final String DEFAULT_TOPIC = "news.documents.raw.v1";
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  /** Room for the record's key, headers and batch framing above the value size limit. */
  private static final int REQUEST_OVERHEAD = 64 * 1024;

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final long maxBytes;
  private final ExactSizeEncoder<RawDocument> encoder = new ExactSizeEncoder<>(RawDocument.getEncoder());
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, LongAdder> skippedByReason = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> failedByReason = new ConcurrentHashMap<>();
  private volatile Consumer<Problem> listener = problem -> {};

  /**
   * A publisher with its own {@link KafkaProducer}.
   *
   * @param bootstrapServers {@code host:port[,host:port]}
   * @param topic the raw topic, usually {@link #DEFAULT_TOPIC}
   * @param maxBytes largest encoded document sent
   * @param extraProperties further producer properties; they override the defaults above
   */
  public DocumentPublisher(
      String bootstrapServers, String topic, long maxBytes, Map<String, Object> extraProperties) {
    this(new KafkaProducer<>(producerConfig(bootstrapServers, maxBytes, extraProperties)), topic, maxBytes);
  }

  /** A publisher over a given producer (a {@code MockProducer} in tests and dry runs). */
  public DocumentPublisher(Producer<String, byte[]> producer, String topic, long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
    this.maxBytes = maxBytes;
  }

  /**
   * The producer configuration: our defaults, then {@code extraProperties} on top. Serializers
   * are always ours.
   */
  public static Map<String, Object> producerConfig(
      String bootstrapServers, long maxBytes, Map<String, Object> extraProperties) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // lz4 rather than zstd: on the 2-core machines this runs on, the producer thread compresses
    // every batch itself and is CPU-bound long before a loopback or LAN link is full, and lz4 is
    // the cheaper of the two per byte. PublishBenchmark on 100,000 generated pages measured the
    // bare producer at 74 to 123 MB/s with lz4 and 68 MB/s with zstd (noisy, shared machine). A
    // deployment that pays for network or disk more than CPU can set compression.type=zstd with
    // --producer-config.
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // Batching for throughput: pages are a few KB to a few hundred KB, so a 256 KB batch holds
    // many small pages (compression works across a whole batch) while a large page simply gets
    // a batch of its own; 20 ms of linger fills batches when documents trickle in (a watched
    // folder) and is invisible next to the downstream pipeline's latency. 64 MB of buffer lets
    // the reader run ahead of the network without blocking on every batch.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    config.put(
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
        (int) Math.min(Integer.MAX_VALUE, Math.max(1024 * 1024, maxBytes + REQUEST_OVERHEAD)));
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "news-producer");
    if (extraProperties != null) {
      config.putAll(extraProperties);
    }
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return config;
  }

  /**
   * The record key: the URL's dedup key ({@link UrlCanonicalizer#key}), so every copy of one
   * article (http and https, {@code www.}, AMP, AMP cache, tracking parameters) lands in one
   * partition; the document id when there is no URL or it has no key (not http(s), no public
   * host such as {@code localhost}).
   */
  public static String recordKey(RawDocument document) {
    return UrlCanonicalizer.key(document.getUrl()).orElse(document.getId());
  }

  /**
   * Waits until the broker answers with the topic's partitions (creating the topic where the
   * broker auto-creates topics), so an unreachable broker or a missing topic is reported once,
   * up front, instead of once per document after {@code max.block.ms}.
   *
   * @return the number of partitions
   * @throws KafkaException (a {@code TimeoutException} among others) when the broker does not
   *     answer within {@code max.block.ms} or refuses the topic
   */
  public int awaitTopic() {
    return producer.partitionsFor(topic).size();
  }

  /** Called with every problem as it happens, possibly from the producer's I/O thread. */
  public void onProblem(Consumer<Problem> listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Sends one document asynchronously, or skips it when it is too large.
   *
   * @return whether it was handed to the producer; the outcome of the send comes later
   */
  public boolean publish(RawDocument document) {
    return publish(document, outcome -> {});
  }

  /** What became of one document handed to {@link #publish(RawDocument, Consumer)}. */
  public enum Outcome {
    /** The broker acknowledged it. */
    SENT,
    /** Left out on purpose: above the size limit. */
    SKIPPED,
    /** The producer or the broker refused it. */
    FAILED
  }

  /**
   * Sends one document asynchronously, or skips it when it is too large, and tells {@code
   * whenDone} the outcome exactly once: at once for a skip or a refusal by the producer, from the
   * producer's I/O thread once the broker answered otherwise. {@link #flush()} returns only after
   * every pending outcome was told.
   *
   * @return whether it was handed to the producer
   */
  public boolean publish(RawDocument document, Consumer<Outcome> whenDone) {
    return publish(prepare(document), whenDone);
  }

  /**
   * A document made ready to send: its encoded value and record key, or why it is not sent.
   *
   * @param document the document
   * @param key the record key ({@link #recordKey})
   * @param value the Avro single-object encoding, or null when the document is too large
   * @param tooLarge why it is skipped, or null
   */
  public record Prepared(RawDocument document, String key, byte[] value, String tooLarge) {}

  /**
   * Encodes and keys a document without sending it. Thread-safe, so documents can be prepared on
   * several threads and handed to {@link #publish(Prepared, Consumer)} by one.
   */
  public Prepared prepare(RawDocument document) {
    long size = encoder.size(document);
    if (size > maxBytes) {
      return new Prepared(document, null, null,
          "document " + document.getId() + " is " + size
              + " bytes encoded, above the size limit of " + maxBytes + " bytes");
    }
    return new Prepared(document, recordKey(document), encoder.encode(document, size), null);
  }

  /** {@link #publish(RawDocument, Consumer)} for a document {@link #prepare}d already. */
  public boolean publish(Prepared prepared, Consumer<Outcome> whenDone) {
    RawDocument document = prepared.document();
    if (prepared.tooLarge() != null) {
      skip(document.getSource(), prepared.tooLarge());
      whenDone.accept(Outcome.SKIPPED);
      return false;
    }
    byte[] value = prepared.value();
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, null, document.getFetchedAt().toEpochMilli(), prepared.key(), value);
    String where = document.getSource();
    int length = value.length; // the callback keeps the length, not the array, until the broker answers
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error == null) {
              sent.incrementAndGet();
              bytes.addAndGet(length);
              whenDone.accept(Outcome.SENT);
            } else {
              fail(where, "not sent: " + describe(error));
              whenDone.accept(Outcome.FAILED);
            }
          });
      return true;
    } catch (KafkaException e) {
      fail(where, "not sent: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      whenDone.accept(Outcome.FAILED);
      return false;
    }
  }

  /** Counts an input that was left out on purpose. */
  public void skip(String where, String reason) {
    skipped.incrementAndGet();
    skippedByReason.computeIfAbsent(ReasonGroups.of(reason), r -> new LongAdder()).increment();
    record(new Problem(Problem.Kind.SKIPPED, where, reason));
  }

  /** Counts an input that could not be read or sent. */
  public void fail(String where, String reason) {
    failed.incrementAndGet();
    failedByReason.computeIfAbsent(ReasonGroups.of(reason), r -> new LongAdder()).increment();
    record(new Problem(Problem.Kind.FAILED, where, reason));
  }

  /** Waits until every document handed over so far has been acknowledged or has failed. */
  public void flush() {
    producer.flush();
  }

  /** The tally so far. */
  public Summary summary() {
    synchronized (problems) {
      return new Summary(
          sent.get(), skipped.get(), failed.get(), bytes.get(), problems,
          ReasonGroups.counts(skippedByReason), ReasonGroups.counts(failedByReason));
    }
  }

  /** The topic documents go to. */
  public String topic() {
    return topic;
  }

  /** Flushes and closes the producer. */
  @Override
  public void close() {
    producer.close();
  }

  private static String describe(Exception error) {
    String text = error.getClass().getSimpleName() + ": " + error.getMessage();
    if (error instanceof RecordTooLargeException) {
      // the usual cause: the broker's message.max.bytes (about 1 MB) is below our size limit
      text += " (raise the topic's max.message.bytes or lower the size limit)";
    }
    return text;
  }

  private void record(Problem problem) {
    synchronized (problems) {
      if (problems.size() < Summary.MAX_PROBLEMS) {
        problems.add(problem);
      }
    }
    listener.accept(problem);
  }
}
