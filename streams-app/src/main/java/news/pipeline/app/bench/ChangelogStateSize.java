package news.pipeline.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.pipeline.app.bench.BenchResult.StateSize;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.dedup.KeyValueDedupStore;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.topology.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The dedup state as the stores' changelog topics hold it: key and value bytes of the latest
 * value per key (what a restore rebuilds), per store, and the number of remembered documents.
 * Read after the pipeline has stopped, so the changelogs no longer change.
 */
final class ChangelogStateSize {

  private ChangelogStateSize() {}

  static StateSize read(PipelineConfig config) {
    Map<String, Long> byStore = new LinkedHashMap<>();
    long index = 0;
    long content = 0;
    long docs = 0;
    long articles = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(ClientSettings.reader(config), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      for (String store : Topics.DEDUP_STORES) {
        LatestPerKey latest = new LatestPerKey(
            store.equals(Topics.STORE_DOCUMENTS) ? KeyValueDedupStore::documentsIn : null);
        readAll(consumer, config.applicationId() + "-" + store + "-changelog", latest);
        byStore.put(store, latest.bytes());
        if (store.equals(Topics.STORE_CONTENT)) {
          content += latest.bytes();
          articles = latest.keys();
        } else {
          index += latest.bytes();
        }
        if (store.equals(Topics.STORE_DOCUMENTS)) {
          docs = latest.count();
        }
      }
    }
    return new StateSize(docs, articles, index, content, byStore);
  }

  /** Reads the topic from its beginning to its end offsets into {@code latest}. */
  private static void readAll(KafkaConsumer<byte[], byte[]> consumer, String topic, LatestPerKey latest) {
    List<TopicPartition> partitions = new ArrayList<>();
    consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    Set<TopicPartition> open = new HashSet<>(partitions);
    while (!open.isEmpty()) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
        latest.apply(r.key(), r.value());
      }
      open.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
    }
  }
}
