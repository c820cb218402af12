package news.pipeline.producer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import news.pipeline.producer.publish.DocumentPublisher;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options {@code publish} and {@code watch} share: where to send, how big, how to show progress. */
final class PublisherOptions {

  @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", defaultValue = "localhost:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String bootstrapServer;

  @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = DocumentPublisher.DEFAULT_TOPIC,
      description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "10MB", converter = ByteSizeConverter.class,
      description = "Largest document sent, e.g. 1048576, 512KB, 10MB (default: ${DEFAULT-VALUE}); larger ones are skipped.")
  long maxBytes;

  @Option(names = "--producer-config", paramLabel = "FILE",
      description = "Kafka producer properties file; its entries override the defaults.")
  Path producerConfig;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "AUTO",
      description = "auto (a bar on a terminal, a line every 10 s otherwise), bar, lines or none (default: auto).",
      converter = ModeConverter.class)
  ProgressReporter.Mode progress;

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  /** A real publisher, or one over a {@code MockProducer} that sends nothing; null (and a message) when it cannot be made. */
  DocumentPublisher open(boolean dryRun, PrintWriter err) {
    if (dryRun) {
      MockProducer<String, byte[]> mock =
          new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
      return new DocumentPublisher(mock, topic, maxBytes);
    }
    Map<String, Object> extra = readProducerConfig();
    try {
      return new DocumentPublisher(bootstrapServer, topic, maxBytes, extra);
    } catch (KafkaException e) {
      err.println("cannot create the Kafka producer: " + e.getMessage());
      return null;
    }
  }

  /** Whether the topic answers; prints why not. */
  boolean topicReachable(DocumentPublisher publisher, PrintWriter err) {
    try {
      publisher.awaitTopic();
      return true;
    } catch (KafkaException e) {
      err.println("cannot publish to topic " + topic + " at " + bootstrapServer
          + " (nothing was read or sent): " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return false;
    }
  }

  private Map<String, Object> readProducerConfig() {
    Map<String, Object> config = new HashMap<>();
    if (producerConfig == null) {
      return config;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(producerConfig, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot read --producer-config " + producerConfig + ": " + e.getMessage());
    }
    properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
    return config;
  }

  /** Accepts the modes in any case. */
  static final class ModeConverter implements picocli.CommandLine.ITypeConverter<ProgressReporter.Mode> {
    @Override
    public ProgressReporter.Mode convert(String value) {
      return ProgressReporter.Mode.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    }
  }
}
