package news.pipeline.app.example;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.schemas.EventSerdes;

/**
 * The example consumer of the README, kept here so a test runs it: the lines between the {@code
 * tag::example} markers are the README's snippet, character for character once de-indented
 * ({@code ExampleConsumerReadmeTest} checks it; {@code ExampleConsumerIT} runs it on a real broker).
 */
public final class ExampleConsumer {

  private ExampleConsumer() {}

  /** Keeps {@code articles} equal to the live canonical articles (latest version per id) while {@code running}. */
  public static void consume(String bootstrapServers, Map<String, CanonicalArticle> articles, BooleanSupplier running) {
    // tag::example[]
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "my-team-articles");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // only committed, exactly-once output
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, CanonicalArticle> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), EventSerdes.canonicalArticle().deserializer())) {
      consumer.subscribe(List.of("news.articles.canonical.v1"));
      while (running.getAsBoolean()) {
        for (ConsumerRecord<String, CanonicalArticle> record : consumer.poll(Duration.ofSeconds(1))) {
          if (record.value() == null) {
            articles.remove(record.key()); // a tombstone: this article was merged into another one
          } else {
            articles.put(record.key(), record.value()); // a new article, or a newer version of one
          }
        }
      }
    }
    // end::example[]
  }
}
