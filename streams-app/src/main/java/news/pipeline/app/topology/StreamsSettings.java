package news.pipeline.app.topology;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.TopicSetup;

/**
 * The Kafka Streams properties for a {@link PipelineConfig}: exactly-once v2, explicit names for
 * every internal resource, failures to the rejected topic (the built-in dead-letter queue), and
 * the user's {@code kafka.*} settings passed through last so security settings reach every client.
 */
public final class StreamsSettings {

  /** How long the app's producers let a batch fill (see {@link #properties}). */
  static final int LINGER_MS = 20;

  private StreamsSettings() {}

  public static Properties properties(PipelineConfig config) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitIntervalMs());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.topicReplicationFactor());
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().rejected());
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class.getName());
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class.getName());
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.consumerPrefix("max.poll.records"), 500);
    props.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
    // Each dedup decision writes dozens of small changelog records. Batches that wait up to 20 ms
    // are far fewer than with 5 ms (fewer lz4 frames set up, record batches and produce requests,
    // for the app and the broker: 13 to 33% less stream-thread CPU on metadata records) and are
    // mostly sent before the commit flushes the rest; under exactly-once nothing is visible
    // before the commit anyway. Larger batches than the default 16 KB gained nothing more.
    props.put(StreamsConfig.producerPrefix("linger.ms"), LINGER_MS);
    // a candidate carries a document's clean text: internal topics and requests take the size limit
    int maxMessage = (int) Math.min(Integer.MAX_VALUE, TopicSetup.maxMessageBytes(config));
    props.put(StreamsConfig.producerPrefix("max.request.size"), maxMessage);
    props.put(StreamsConfig.topicPrefix("max.message.bytes"), Integer.toString(maxMessage));
    config.kafka().forEach(props::put);
    // never weakened by the pass-through (ConfigLoader refuses it too)
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    return props;
  }
}
