package news.pipeline.app.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import news.pipeline.app.config.PipelineConfig;

/**
 * Reads a whole topic from the beginning to its current end (read_committed), without a consumer
 * group: for the demo's summary, {@code tail} and tests.
 */
public final class TopicReader {

  private TopicReader() {}

  public static List<ConsumerRecord<String, byte[]>> readAll(PipelineConfig config, String topic) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    readAll(config, topic, records::add);
    return records;
  }

  public static void readAll(PipelineConfig config, String topic, Consumer<ConsumerRecord<String, byte[]>> sink) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(ClientSettings.reader(config))) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + topic + " does not exist on " + config.bootstrapServers());
      }
      List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        consumer.poll(Duration.ofMillis(200)).forEach(sink);
      }
    }
  }
}
