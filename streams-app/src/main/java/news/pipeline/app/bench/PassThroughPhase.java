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

  /** Copies the whole raw topic, timed from the first poll to the producer's last flush. */
  Rate run(PipelineConfig config) {
    err.println("raw pass-through: consuming the raw topic and producing every record unchanged ...");
    Map<String, Object> consumerProps = consumerProps(config);
    Map<String, Object> producerProps = producerProps(config);
    long count = 0;
    long bytes = 0;
    long started = System.nanoTime();
    try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(config.topics().raw()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + options.timeout().toNanos();
      while (count < options.docs()) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          producer.send(new ProducerRecord<>(TOPIC, null, r.timestamp(), r.key(), r.value()));
          count++;
          bytes += r.value().length;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("raw pass-through read " + count + " of " + options.docs() + " records");
        }
      }
      producer.flush();
    }
    Rate rate = new Rate("raw pass-through", count, bytes, (System.nanoTime() - started) / 1e9);
    err.printf(Locale.ROOT, "raw pass-through: %,.0f docs/s%n", rate.docsPerSecond());
    return rate;
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
