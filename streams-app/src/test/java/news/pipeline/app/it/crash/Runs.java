package news.pipeline.app.it.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.IdleWaiter;
import news.pipeline.app.run.TopicSetup;

/**
 * What the crash and broker-restart tests share: a run's config (own application id, state
 * directory and output topics, the shared raw topic), publishing the corpus, starting the app in a
 * child JVM, and progress and idleness read from the broker.
 */
final class Runs {

  static final String RAW = "crash.documents.raw";

  private Runs() {}

  /** The settings of one run; written to a file for the child's {@code --config}. */
  static Map<String, String> settings(String name, Path stateDir, int partitions) {
    return Map.ofEntries(
        Map.entry("application.id", "news-" + name),
        Map.entry("state.dir", stateDir.toString()),
        Map.entry("topics.partitions", Integer.toString(partitions)),
        Map.entry("topic.raw", RAW),
        Map.entry("topic.canonical", name + ".articles.canonical"),
        Map.entry("topic.duplicates", name + ".articles.duplicates"),
        Map.entry("topic.rejected", name + ".documents.rejected"),
        // a killed member must leave the group in seconds, not the default 45 s
        Map.entry("kafka.session.timeout.ms", "6000"),
        Map.entry("kafka.heartbeat.interval.ms", "1500"));
  }

  static PipelineConfig config(String bootstrap, Map<String, String> settings) {
    Map<String, String> all = new java.util.HashMap<>(settings);
    all.put("bootstrap.servers", bootstrap);
    return ConfigLoader.load(null, Map.of(), all).orThrow();
  }

  static Path writeConfig(Path dir, String name, Map<String, String> settings) {
    Properties props = new Properties();
    props.putAll(settings);
    Path file = dir.resolve(name + ".properties");
    try (var out = Files.newBufferedWriter(file)) {
      props.store(out, "crash test run " + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Publishes every input (idempotent, acks=all) and returns where each landed. */
  static List<RecordMetadata> publish(PipelineConfig config, List<CrashCorpus.Input> inputs) throws Exception {
    TopicSetup.ensureTopics(config);
    Map<String, Object> props = new java.util.HashMap<>(ClientSettings.admin(config));
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    // not idempotent: on the in-JVM test broker an idempotent producer under load kept resetting
    // its sequence numbers (OutOfOrderSequenceException); one request in flight keeps the order
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    props.remove("default.api.timeout.ms");
    List<java.util.concurrent.Future<RecordMetadata>> futures = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      for (CrashCorpus.Input input : inputs) {
        futures.add(producer.send(new ProducerRecord<>(RAW, null, input.timestamp(), input.key(), input.value())));
      }
      producer.flush();
    }
    List<RecordMetadata> sent = new ArrayList<>();
    for (var f : futures) {
      sent.add(f.get(60, TimeUnit.SECONDS));
    }
    return sent;
  }

  /** The streams app as an operator runs it: {@code PipelineCli run --bootstrap-server ... --config FILE}. */
  static ChildJvm startApp(String bootstrap, Path configFile, Path log) {
    return ChildJvm.start(
        "streams app", "384m", log, "news.pipeline.app.cli.PipelineCli",
        "run", "--bootstrap-server", bootstrap, "--config", configFile.toString());
  }

  /** Raw records the run has committed as processed. */
  static long processed(Admin admin, PipelineConfig config) {
    try {
      return admin.listConsumerGroupOffsets(config.applicationId()).partitionsToOffsetAndMetadata()
          .get(30, TimeUnit.SECONDS).entrySet().stream()
          .filter(e -> e.getKey().topic().equals(config.topics().raw()) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    } catch (Exception e) {
      return 0; // the group does not exist yet, or the broker is restarting
    }
  }

  /**
   * Waits until the run has processed everything, restarting the app if it exited (as a
   * supervisor would); returns how many restarts that took.
   */
  static int awaitIdle(PipelineConfig config, ChildJvm[] app, java.util.function.Supplier<ChildJvm> restart, Duration timeout)
      throws InterruptedException {
    int restarts = 0;
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(ClientSettings.admin(config))) {
      IdleWaiter waiter = new IdleWaiter(config, admin);
      while (true) {
        try {
          waiter.awaitIdle(Duration.ofSeconds(3), Duration.ofNanos(Math.max(1, deadline - System.nanoTime())), lag -> {},
              () -> app[0].isAlive());
          return restarts;
        } catch (IllegalStateException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
          if (!app[0].isAlive()) {
            restarts++;
            app[0] = restart.get();
          } else {
            TimeUnit.SECONDS.sleep(1); // the broker did not answer: try again
          }
        }
      }
    }
  }

  static void createTopic(Admin admin, String name, int partitions) throws Exception {
    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
  }
}
