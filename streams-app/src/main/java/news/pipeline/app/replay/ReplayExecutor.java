package news.pipeline.app.replay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.tools.StreamsResetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.TopicSetup;
import news.pipeline.app.topology.ArticleTopology;
import news.pipeline.app.topology.StreamsSettings;

/**
 * Carries out a {@link ReplayPlan} against the cluster: {@link #inspect} finds what the plan needs
 * to know (is the app running, how much to replay, which internal topics exist) and {@link
 * #execute} creates the target's topics, runs Kafka's {@link StreamsResetter} (input offsets,
 * internal topics) and deletes the local state. It never forces members out of the group.
 */
public final class ReplayExecutor {

  private static final Logger LOGGER = LoggerFactory.getLogger(ReplayExecutor.class);
  private static final long TIMEOUT_S = 30;

  private final Admin admin;

  public ReplayExecutor(Admin admin) {
    this.admin = admin;
  }

  public Preflight inspect(ReplayPlan plan) {
    PipelineConfig target = plan.target();
    PipelineConfig.Topics topics = target.topics();
    try {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS);
      boolean rawExists = existing.contains(topics.raw());
      long rawRecords = 0;
      long toReplay = 0;
      if (rawExists) {
        List<TopicPartition> partitions = partitions(topics.raw());
        Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> from =
            plan.resetTo().isPresent() ? offsets(partitions, OffsetSpec.forTimestamp(plan.resetTo().get().toEpochMilli())) : earliest;
        for (TopicPartition tp : partitions) {
          long end = latest.get(tp);
          rawRecords += end - earliest.get(tp);
          long start = from.get(tp) < 0 ? end : from.get(tp); // -1: no record at or after the time
          toReplay += Math.max(0, end - start);
        }
      }
      List<String> internal =
          existing.stream()
              .filter(name -> name.startsWith(target.applicationId() + "-") && StreamsResetter.matchesInternalTopicFormat(name))
              .sorted()
              .toList();
      List<String> missing =
          List.of(topics.canonical(), topics.duplicates(), topics.rejected()).stream()
              .filter(name -> !existing.contains(name))
              .toList();
      long targetCanonical =
          existing.contains(topics.canonical()) ? recordCount(partitions(topics.canonical())) : 0;
      return new Preflight(rawExists, rawRecords, toReplay, activeMembers(target.applicationId()), internal, missing, targetCanonical);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while inspecting the cluster", e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot inspect the cluster at " + target.bootstrapServers() + ": " + e.getMessage(), e);
    }
  }

  /** Members of the application's consumer group: "client-id@host", empty when none or no group. */
  public List<String> activeMembers(String applicationId) throws InterruptedException, java.util.concurrent.TimeoutException {
    try {
      ConsumerGroupDescription group =
          admin.describeConsumerGroups(List.of(applicationId)).describedGroups().get(applicationId).get(TIMEOUT_S, TimeUnit.SECONDS);
      Collection<MemberDescription> members = group.members();
      return members.stream().map(m -> m.clientId() + "@" + m.host()).sorted().toList();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return List.of(); // the app never ran, or its group expired
      }
      throw new IllegalStateException("cannot describe consumer group " + applicationId + ": " + e.getCause(), e.getCause());
    }
  }

  /**
   * Creates the target's missing topics, resets its input offsets and deletes its internal topics
   * with the reset tool, then deletes its local state.
   *
   * @throws IllegalStateException when the reset tool fails (it prints why)
   */
  public void execute(ReplayPlan plan) {
    PipelineConfig target = plan.target();
    TopicSetup.ensureTopics(admin, target);
    Properties clientConfig = new Properties();
    clientConfig.putAll(target.kafka());
    List<String> args = plan.resetterArguments();
    LOGGER.info("running the streams reset tool args={}", args);
    int exit = new StreamsResetter().execute(args.toArray(String[]::new), clientConfig);
    if (exit != 0) {
      throw new IllegalStateException(
          "the Kafka Streams reset tool failed for " + target.applicationId() + " (exit code " + exit + "); its output above says why");
    }
    cleanLocalState(target);
  }

  /** Deletes the application's local state directory, as {@link KafkaStreams#cleanUp()} does. */
  static void cleanLocalState(PipelineConfig config) {
    try (KafkaStreams streams = new KafkaStreams(ArticleTopology.build(config), StreamsSettings.properties(config))) {
      streams.cleanUp();
    }
    LOGGER.info("deleted local state dir={}", config.stateDir().resolve(config.applicationId()));
  }

  private List<TopicPartition> partitions(String topic) throws Exception {
    TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS).get(topic);
    List<TopicPartition> partitions = new ArrayList<>();
    description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    return partitions;
  }

  private long recordCount(List<TopicPartition> partitions) throws Exception {
    Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
    Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
    return partitions.stream().mapToLong(tp -> latest.get(tp) - earliest.get(tp)).sum();
  }

  private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, spec));
    Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(request).all().get(TIMEOUT_S, TimeUnit.SECONDS);
    Map<TopicPartition, Long> offsets = new HashMap<>();
    result.forEach((tp, info) -> offsets.put(tp, info.offset()));
    return offsets;
  }
}
