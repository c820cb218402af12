package news.pipeline.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.SeedPublisher;
import news.pipeline.app.topology.StreamsSettings;

/**
 * SASL and TLS settings given as {@code kafka.*} reach every Kafka client the app creates (the
 * Streams consumers, producer and admin, our admin, readers and publisher), no setting can weaken
 * exactly-once or read_committed, and secrets never show in a printed config.
 */
class ClientSecurityTest {

  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"app\" password=\"s3cr3t-jaas\";";

  private static final Map<String, String> SECURITY =
      Map.of(
          "kafka.security.protocol", "SASL_SSL",
          "kafka.sasl.mechanism", "PLAIN",
          "kafka.sasl.jaas.config", JAAS,
          "kafka.ssl.truststore.location", "/etc/kafka/truststore.jks",
          "kafka.ssl.truststore.password", "s3cr3t-truststore",
          "kafka.ssl.key.password", "s3cr3t-key");

  private static PipelineConfig config() {
    return ConfigLoader.load(null, Map.of(), SECURITY).orThrow();
  }

  private static void assertSecured(String client, Map<String, ?> given) {
    Map<String, Object> settings = new HashMap<>(given);
    assertThat(settings)
        .as(client)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("sasl.jaas.config", JAAS)
        .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.jks")
        .containsEntry("ssl.truststore.password", "s3cr3t-truststore");
  }

  @Test
  void securitySettingsReachEveryClientKafkaStreamsCreates() {
    Properties props = StreamsSettings.properties(config());
    StreamsConfig streams = new StreamsConfig(props);

    assertSecured("streams main consumer", streams.getMainConsumerConfigs("g", "c", 0));
    assertSecured("streams restore consumer", streams.getRestoreConsumerConfigs("c"));
    assertSecured("streams global consumer", streams.getGlobalConsumerConfigs("c"));
    assertSecured("streams producer", streams.getProducerConfigs("c"));
    assertSecured("streams admin", streams.getAdminConfigs("c"));
    assertThat(streams.getMainConsumerConfigs("g", "c", 0).get("isolation.level")).isEqualTo("read_committed");
    assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
  }

  @Test
  void securitySettingsReachOurAdminReadersAndPublisher() {
    PipelineConfig config = config();

    assertSecured("admin (topic set-up, idle waiter)", ClientSettings.admin(config));
    assertSecured("reader (tail, snapshots)", ClientSettings.reader(config));
    assertSecured("publisher (demo, seeds)", SeedPublisher.producerSettings(config));
    assertThat(ClientSettings.reader(config).get("isolation.level")).isEqualTo("read_committed");
  }

  @Test
  void thePassThroughCannotWeakenExactlyOnceOrReadCommitted() {
    Map<String, String> weak = new HashMap<>(SECURITY);
    weak.put("kafka.isolation.level", "read_uncommitted");
    weak.put("kafka.processing.guarantee", "at_least_once");

    ConfigLoader.Result result = ConfigLoader.load(null, Map.of(), weak);

    assertThat(result.config()).isEmpty();
    assertThat(result.errors())
        .anyMatch(e -> e.contains("kafka.isolation.level=read_uncommitted is not allowed"))
        .anyMatch(e -> e.contains("kafka.processing.guarantee=at_least_once is not allowed"));
  }

  @Test
  void aPrintedConfigShowsNoSecret() {
    String printed = config().toString();

    for (String secret : List.of("s3cr3t-jaas", "s3cr3t-truststore", "s3cr3t-key")) {
      assertThat(printed).doesNotContain(secret);
    }
    assertThat(printed).contains("sasl.jaas.config=[hidden]", "ssl.truststore.password=[hidden]", "security.protocol=SASL_SSL");
  }
}
