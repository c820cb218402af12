package news.pipeline.app.run;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import news.pipeline.app.config.PipelineConfig;

/**
 * Settings for the plain Kafka clients our commands create (admin, consumers), with the user's
 * {@code kafka.*} pass-through applied last so security settings reach every client. Every
 * consumer reads committed data only.
 */
public final class ClientSettings {

  private ClientSettings() {}

  public static Map<String, Object> admin(PipelineConfig config) {
    Map<String, Object> props = new HashMap<>();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    props.putAll(config.kafka());
    return props;
  }

  /** A consumer of raw bytes with no group: the caller assigns partitions. */
  public static Map<String, Object> reader(PipelineConfig config) {
    Map<String, Object> props = new HashMap<>();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.putAll(config.kafka());
    // never weakened by the pass-through (ConfigLoader refuses it too)
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return props;
  }
}
