package news.pipeline.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;

/**
 * The producer settings the README documents: the app's producers linger and compress as stated,
 * and {@code kafka.producer.*} changes them for the app's producers alone.
 */
class StreamsSettingsTest {

  private static StreamsConfig streams(Map<String, String> overrides) {
    PipelineConfig config = ConfigLoader.load(null, Map.of(), overrides).orThrow();
    return new StreamsConfig(StreamsSettings.properties(config));
  }

  @Test
  void producersLingerAndCompressByDefault() {
    Map<String, Object> producer = streams(Map.of()).getProducerConfigs("client");

    assertThat(producer.get("linger.ms")).hasToString(String.valueOf(StreamsSettings.LINGER_MS));
    assertThat(producer.get("compression.type")).hasToString("lz4");
  }

  @Test
  void kafkaProducerKeysOverrideTheDefaultsForTheProducersOnly() {
    Map<String, String> overrides =
        Map.of("kafka.producer.linger.ms", "5", "kafka.producer.compression.type", "zstd");
    StreamsConfig streams = streams(overrides);

    Map<String, Object> producer = streams.getProducerConfigs("client");
    assertThat(producer.get("linger.ms")).hasToString("5");
    assertThat(producer.get("compression.type")).hasToString("zstd");
    assertThat(streams.getMainConsumerConfigs("group", "client", 0)).doesNotContainKey("linger.ms");
  }
}
