package news.pipeline.app.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.topology.Topics;

/**
 * Waits until the app has processed all its input: the application's committed offsets reach the
 * end of the raw topic and of the dedup candidates topic, and stay there with the output topics
 * unchanged for a quiet period. No fixed sleeps.
 */
public final class IdleWaiter {

  private final PipelineConfig config;
  private final Admin admin;

  public IdleWaiter(PipelineConfig config, Admin admin) {
    this.config = config;
    this.admin = admin;
  }

  /**
   * @param progress called with the number of records still to process, each poll
   * @param alive false when the app has stopped, to fail fast instead of waiting out the timeout
   */
  public void awaitIdle(Duration quiet, Duration timeout, java.util.function.LongConsumer progress, BooleanSupplier alive)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long quietSince = -1;
    Map<TopicPartition, Long> lastOutput = Map.of();
    while (true) {
      if (!alive.getAsBoolean()) {
        throw new IllegalStateException("the streams app stopped before it processed all input");
      }
      long lag = lag();
      Map<TopicPartition, Long> output = endOffsets(Set.of(config.topics().canonical(), config.topics().rejected()));
      progress.accept(lag);
      if (lag == 0 && output.equals(lastOutput)) {
        if (quietSince < 0) {
          quietSince = System.nanoTime();
        } else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
          return;
        }
      } else {
        quietSince = -1;
      }
      lastOutput = output;
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("input not fully processed after " + timeout + " (" + lag + " records left)");
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  /** Records in the app's input topics past its committed offsets. */
  public long lag() {
    Map<TopicPartition, Long> ends = endOffsets(Set.of(config.topics().raw(), Topics.candidates(config)));
    Map<TopicPartition, OffsetAndMetadata> committed;
    try {
      committed =
          admin.listConsumerGroupOffsets(config.applicationId()).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read committed offsets of " + config.applicationId(), e);
    }
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      OffsetAndMetadata done = committed.get(end.getKey());
      long position = done == null ? 0 : done.offset();
      lag += Math.max(0, end.getValue() - position);
    }
    return lag;
  }

  /** The last stable offset of every partition of the topics that exist. */
  Map<TopicPartition, Long> endOffsets(Set<String> topics) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      Set<String> present = topics.stream().filter(existing::contains).collect(Collectors.toSet());
      Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      described.values().forEach(
          d -> d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin
          .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all()
          .get(30, TimeUnit.SECONDS)
          .forEach((tp, info) -> ends.put(tp, info.offset()));
      return ends;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read end offsets of " + topics, e);
    }
  }
}
