package news.pipeline.app.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import news.pipeline.app.bench.BenchResult.Latency;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.avro.DedupDecision;
import news.pipeline.avro.RawDocument;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The end-to-end latency while the pipeline runs: publishes new documents at a given rate for the
 * configured time, each with its fetch time (the raw record timestamp) set to the wall clock at
 * send, and measures, per document, the time until a read_committed consumer sees its dedup
 * decision (or its rejection). The decision is written in the same transaction as the canonical
 * article version, so it becomes visible at the same moment.
 */
final class LatencyProbe {

  /** A document whose decision was seen: when it was sent (epoch ms) and how long it took (ms). */
  record Seen(long sentAtMillis, long latencyMillis) {}

  /** How long to wait for the last decisions once every document is sent. */
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final BenchOptions options;
  private final BenchDocuments documents;
  private final BenchPublisher publisher;
  private final PrintStream err;
  private final AvroSerde<DedupDecision> decisions = EventSerdes.dedupDecision();
  private final AvroSerde<RawDocument> rawSerde = EventSerdes.rawDocument();

  LatencyProbe(BenchOptions options, BenchDocuments documents, BenchPublisher publisher, PrintStream err) {
    this.options = options;
    this.documents = documents;
    this.publisher = publisher;
    this.err = err;
  }

  /** Publishes at {@code rate} (at least 1 doc/s, at least 10 documents) and measures. */
  Latency run(PipelineConfig config, double rate) throws Exception {
    double targetRate = Math.max(1, rate);
    long count = Math.max(10, Math.round(targetRate * options.latencySeconds()));
    err.printf(Locale.ROOT, "latency: publishing %,d documents at %.1f docs/s (half the measured rate) ...%n",
        count, targetRate);
    // document id -> send time, for the documents whose decision has not been seen yet
    Map<String, Long> pending = new ConcurrentHashMap<>();
    AtomicReference<Throwable> publishFailure = new AtomicReference<>();
    Map<String, Object> props = ClientSettings.reader(config);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      // positioned before the first send, so that no decision is missed
      seekToEndOfOutputs(consumer, config);
      long phaseStart = System.currentTimeMillis();
      Thread sender = startSending(config, count, targetRate, pending, publishFailure);
      List<Seen> seen = collect(consumer, config, sender, pending);
      sender.join();
      if (publishFailure.get() != null) {
        throw new IllegalStateException("latency publisher failed: " + publishFailure.get(), publishFailure.get());
      }
      Latency latency = summarize(targetRate, count, seen, phaseStart);
      err.printf(Locale.ROOT, "latency: p50 %.0f ms, p99 %.0f ms (%d of %d seen)%n",
          latency.p50Millis(), latency.p99Millis(), latency.seen(), latency.sent());
      return latency;
    }
  }

  private static void seekToEndOfOutputs(KafkaConsumer<String, byte[]> consumer, PipelineConfig config) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(config.topics().duplicates(), config.topics().rejected())) {
      consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  /** Starts a thread that sends {@code count} new documents on a fixed schedule, each flushed at once. */
  private Thread startSending(
      PipelineConfig config, long count, double targetRate, Map<String, Long> pending, AtomicReference<Throwable> failure) {
    Thread sender = new Thread(() -> {
      try (KafkaProducer<String, byte[]> producer = publisher.producer(config)) {
        long start = System.nanoTime();
        for (long j = 0; j < count; j++) {
          long wait = start + (long) (j * 1e9 / targetRate) - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          Instant now = Instant.now();
          RawDocument doc = documents.document(options.docs() + j, now);
          pending.put(doc.getId(), now.toEpochMilli());
          publisher.send(producer, config, doc, now);
          producer.flush();
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "bench-latency-publisher");
    sender.start();
    return sender;
  }

  /**
   * Reads decisions while the sender runs, then for at most {@link #DRAIN_NANOS} more until every
   * document is seen.
   *
   * @return each document seen, with its send time and latency
   */
  private List<Seen> collect(
      KafkaConsumer<String, byte[]> consumer, PipelineConfig config, Thread sender, Map<String, Long> pending) {
    List<Seen> seen = new ArrayList<>();
    long deadline = Long.MAX_VALUE;
    while (sender.isAlive() || (!pending.isEmpty() && System.nanoTime() < deadline)) {
      if (!sender.isAlive() && deadline == Long.MAX_VALUE) {
        deadline = System.nanoTime() + DRAIN_NANOS;
      }
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
        long now = System.currentTimeMillis();
        String id = r.topic().equals(config.topics().duplicates()) ? decisions.decode(r.value()).getDocumentId()
            : rejectedId(r.value());
        Long sentAt = id == null ? null : pending.remove(id);
        if (sentAt != null) {
          seen.add(new Seen(sentAt, now - sentAt));
        }
      }
    }
    return seen;
  }

  /** The id of a rejected raw document; null for a rejection that is not a raw document. */
  private String rejectedId(byte[] value) {
    try {
      return AvroSerde.looksLikeAvro(value) ? rawSerde.decode(value).getId() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The latency figures of {@code sent} documents sent from {@code phaseStart} (epoch ms), of which
   * those in {@code seen} were seen.
   */
  static Latency summarize(double targetRate, long sent, List<Seen> seen, long phaseStart) {
    long[] sorted = seen.stream().mapToLong(Seen::latencyMillis).sorted().toArray();
    List<Long> worst = new ArrayList<>();
    for (Seen s : seen) {
      int second = (int) Math.max(0, (s.sentAtMillis() - phaseStart) / 1000);
      while (worst.size() <= second) {
        worst.add(-1L);
      }
      worst.set(second, Math.max(worst.get(second), s.latencyMillis()));
    }
    return new Latency(targetRate, sent, sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99),
        sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1], List.copyOf(worst));
  }

  /** The nearest-rank percentile of sorted values, NaN for none. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
