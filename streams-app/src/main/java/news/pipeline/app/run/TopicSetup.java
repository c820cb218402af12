package news.pipeline.app.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.topology.Topics;

/**
 * Creates the app's topics when they are missing: the canonical topic compacted (latest version
 * of each article, tombstones retire merged ones), the others with time retention counted from
 * when a record was written ({@code LogAppendTime}), so old crawls are not deleted on arrival; the
 * dedup candidates topic with one partition and {@code dedup.candidate.retention}.
 * Existing topics are left as they are.
 */
public final class TopicSetup {

  private static final Logger LOGGER = LoggerFactory.getLogger(TopicSetup.class);

  private TopicSetup() {}

  public static List<String> ensureTopics(PipelineConfig config) {
    try (Admin admin = Admin.create(ClientSettings.admin(config))) {
      return ensureTopics(admin, config);
    }
  }

  /**
   * Waits until every partition of the new topics has a leader. An idempotent producer that writes
   * to a partition the broker has not finished creating can lose its first batch to an endless
   * OUT_OF_ORDER_SEQUENCE retry (KAFKA-15591), so nobody writes before this returns.
   */
  static void awaitLeaders(Admin admin, List<String> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        boolean ready =
            admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        if (ready && leadersServe(admin, topics)) {
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("partitions of " + topics + " have no leader after 60 s");
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  /**
   * Whether every partition's leader answers a ListOffsets request: unlike the metadata, that
   * proves the leader has taken the partition on and will accept the first produce request.
   */
  private static boolean leadersServe(Admin admin, List<String> topics) throws InterruptedException {
    try {
      java.util.Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> request =
          new java.util.HashMap<>();
      admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(
          d -> d.partitions().forEach(
              p -> request.put(new org.apache.kafka.common.TopicPartition(d.name(), p.partition()),
                  org.apache.kafka.clients.admin.OffsetSpec.latest())));
      admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /** Largest record our topics accept: the document size limit plus room for the envelope. */
  public static long maxMessageBytes(PipelineConfig config) {
    return config.maxDocumentBytes() + 1024 * 1024;
  }

  public static List<String> ensureTopics(Admin admin, PipelineConfig config) {
    PipelineConfig.Topics t = config.topics();
    // raw documents up to the size limit must fit, and so must their copies in the rejected topic
    String maxMessage = Long.toString(maxMessageBytes(config));
    Map<String, Map<String, String>> wanted = new HashMap<>();
    // Records carry the fetch time (event time), which for a backfill of old crawls lies far in the
    // past: time retention would delete them at once, before the app reads them. These topics keep
    // records for their retention after they were written (the event time travels in the value).
    String appendTime = TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG;
    wanted.put(t.raw(), Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage, appendTime, "LogAppendTime"));
    wanted.put(t.duplicates(), Map.of(appendTime, "LogAppendTime"));
    wanted.put(t.rejected(), Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage, appendTime, "LogAppendTime"));
    wanted.put(
        t.canonical(),
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
            TopicConfig.SEGMENT_MS_CONFIG, Long.toString(TimeUnit.HOURS.toMillis(1)),
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage));
    // Dedup's input and candidate log: one partition (one task decides, in one order), kept for
    // its retention after it was written; dedup reads live articles' representatives back from it.
    String candidates = Topics.candidates(config);
    wanted.put(
        candidates,
        Map.of(
            appendTime, "LogAppendTime",
            TopicConfig.RETENTION_MS_CONFIG, Long.toString(config.dedup().candidateRetention().toMillis()),
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage));
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> create = new ArrayList<>();
      wanted.forEach(
          (name, configs) -> {
            if (!existing.contains(name)) {
              int partitions = name.equals(candidates) ? 1 : config.topicPartitions();
              create.add(new NewTopic(name, partitions, config.topicReplicationFactor()).configs(configs));
            }
          });
      if (existing.contains(candidates)) {
        int partitions =
            admin.describeTopics(List.of(candidates)).allTopicNames().get(30, TimeUnit.SECONDS).get(candidates)
                .partitions().size();
        if (partitions != 1) {
          throw new IllegalStateException(
              "topic " + candidates + " has " + partitions + " partitions; dedup needs exactly one (delete it, or use"
                  + " another application.id)");
        }
      }
      if (!create.isEmpty()) {
        try {
          admin.createTopics(create).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
        awaitLeaders(admin, create.stream().map(NewTopic::name).toList());
        LOGGER.info("created topics {}", create.stream().map(NewTopic::name).sorted().toList());
      }
      return create.stream().map(NewTopic::name).sorted().toList();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "cannot create topics on " + config.bootstrapServers() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }
}
