package news.pipeline.app.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import news.pipeline.app.bench.BenchResult.Rate;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.TopicSetup;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The raw broker pass-through: reads every raw record and writes its bytes unchanged to a copy
 * topic with the streams app's producer settings (acks=all, idempotent, lz4), which is the
 * broker's cost for the same bytes with no processing, the ceiling the pipeline is compared to.
 */
final class PassThroughPhase {

  private static final String TOPIC = "bench.passthrough";

  private final BenchOptions options;
  private final PrintStream err;

  PassThroughPhase(BenchOptions options, PrintStream err) {
    this.options = options;
    this.err = err;
  }

  /** Creates the copy topic, as large as the raw topic may hold; before publishing, as the bench always did. */
  void createTopic(PipelineConfig config) throws Exception {
    try (Admin admin = Admin.create(ClientSettings.admin(config))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, options.partitions(), (short) 1)
          .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(TopicSetup.maxMessageBytes(config))))))
          .all().get(30, TimeUnit.SECONDS);
    }
  }

  /** The timed copy, and the warm-up rounds that ran before it ({@link WarmUp}). */
  record Result(Rate rate, int warmupRounds) {}

  /**
   * Copies the first {@code warmupDocs} raw records in untimed {@link WarmUp} rounds, then the
   * whole raw topic, timed from its first poll to the producer's last flush, with the same two
   * clients: like the cleaner alone and the pipeline, the copy is measured warm, and not the
   * clients' start-up and first connections.
   */
  Result run(PipelineConfig config, long warmupDocs) throws Exception {
    err.println("raw pass-through: consuming the raw topic and producing every record unchanged ...");
    try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(consumerProps(config), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(producerProps(config), new ByteArraySerializer(), new ByteArraySerializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(config.topics().raw()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(partitions);
      // each round copies the first records again: the code and the connections are what it warms
      int rounds = WarmUp.run("raw pass-through", warmupDocs, options.warmupRounds(), err,
          (from, to) -> copy(consumer, producer, partitions, to - from));
      long started = System.nanoTime();
      Copied copied = copy(consumer, producer, partitions, options.docs());
      Rate rate = new Rate("raw pass-through", copied.records(), copied.bytes(), (System.nanoTime() - started) / 1e9);
      err.printf(Locale.ROOT, "raw pass-through: %,.0f docs/s%n", rate.docsPerSecond());
      return new Result(rate, rounds);
    }
  }

  /** Records and value bytes copied by one {@link #copy}. */
  private record Copied(long records, long bytes) {}

  /** Reads the raw topic from the start until {@code limit} records have been copied, then flushes. */
  private Copied copy(
      KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer, List<TopicPartition> partitions,
      long limit) {
    consumer.seekToBeginning(partitions);
    long count = 0;
    long bytes = 0;
    long deadline = System.nanoTime() + options.timeout().toNanos();
    while (count < limit) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
        if (count == limit) {
          break;
        }
        producer.send(new ProducerRecord<>(TOPIC, null, r.timestamp(), r.key(), r.value()));
        count++;
        bytes += r.value().length;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("raw pass-through read " + count + " of " + limit + " records");
      }
    }
    producer.flush();
    return new Copied(count, bytes);
  }

  /** The project's group-less reader ({@link ClientSettings#reader}), polling 500 records at a time. */
  private static Map<String, Object> consumerProps(PipelineConfig config) {
    Map<String, Object> props = ClientSettings.reader(config);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    return props;
  }

  private static Map<String, Object> producerProps(PipelineConfig config) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) TopicSetup.maxMessageBytes(config));
    return props;
  }
}
