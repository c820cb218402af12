package news.pipeline.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import news.pipeline.app.Seeds;
import news.pipeline.app.cli.PipelineCli;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.replay.ReplayPlan;
import news.pipeline.app.replay.ReplayStart;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.IdleWaiter;
import news.pipeline.app.run.OutputSnapshot;
import news.pipeline.app.run.PipelineRunner;
import news.pipeline.app.run.SeedPublisher;
import news.pipeline.app.run.TopicSetup;
import news.pipeline.app.topology.Topics;
import news.pipeline.avro.ArticleMember;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.testkit.TestKafka;
import picocli.CommandLine;

/**
 * {@code ./pipeline replay} on a real broker after a first run over the seeds (14 articles): the
 * safety checks, then in place (same compacted output) and side by side with a stricter title
 * threshold (15 articles on the v2 topic, v1 untouched). The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayIT {

  private static final String APP = "replay-it";
  private static TestKafka kafka;
  private static PipelineConfig config;
  private static Path configFile;
  private static Path stateDir;
  private static Map<String, Set<String>> firstRun;

  @BeforeAll
  static void firstRun(@TempDir Path dir) throws Exception {
    kafka = TestKafka.start();
    stateDir = dir.resolve("state");
    config = PipelineRuns.config(kafka.bootstrapServers(), APP, stateDir, Map.of());
    configFile = dir.resolve("replay-it.properties");
    Files.writeString(
        configFile,
        "bootstrap.servers=" + kafka.bootstrapServers() + "\napplication.id=" + APP + "\nstate.dir=" + stateDir + "\n");
    TopicSetup.ensureTopics(config);
    assertThat(SeedPublisher.publish(config, Seeds.DIR).sent()).isEqualTo(5);
    PipelineRuns.runToIdle(config);
    firstRun = membership(OutputSnapshot.read(config));
    assertThat(firstRun).hasSize(14);
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @Test
  @Order(1)
  void dryRunPrintsThePlanAndChangesNothing() throws Exception {
    Result result = replay("--in-place", "--dry-run");

    assertThat(result.exit).as(result.err).isZero();
    assertThat(result.out)
        .contains("replay in place: application replay-it")
        .contains("from the beginning: 5 of 5 records")
        .contains("replay-it-dedup-content-changelog")
        .contains("dry run: nothing was changed");
    assertThat(lag(config)).isZero();
  }

  @Test
  @Order(2)
  void inPlaceIsRefusedWhileTheAppRuns() {
    try (PipelineRunner runner = PipelineRunner.start(config)) {
      runner.awaitRunning(Duration.ofSeconds(90));

      Result result = replay("--in-place");

      assertThat(result.exit).isEqualTo(1);
      assertThat(result.err).contains("cannot replay: the app replay-it is still running").contains("Stop every instance first");
    }
    assertThat(lag(config)).as("nothing was reset").isZero();
  }

  @Test
  @Order(3)
  void aMissingRawTopicIsAClearError() {
    Result missing = replayWithRawTopic("no.such.raw.topic");

    assertThat(missing.exit).isEqualTo(1);
    assertThat(missing.err).contains("the raw topic no.such.raw.topic does not exist").contains("nothing to replay");
  }

  @Test
  @Order(4)
  void inPlaceReplayGivesTheSameCompactedCanonicalOutput() throws Exception {
    long canonicalBefore = endOffsetSum(config.topics().canonical());

    Result result = replay("--in-place");

    assertThat(result.exit).as(result.err).isZero();
    assertThat(result.out).contains("reset done: 5 raw records will be reprocessed by replay-it");
    assertThat(lag(config)).as("the input offsets went back to the beginning").isEqualTo(5);
    assertThat(internalTopics(APP)).as("internal topics deleted").isEmpty();
    assertThat(taskDirectories(stateDir.resolve(APP))).as("local state deleted").isEmpty();

    PipelineRuns.runToIdle(config);

    assertThat(endOffsetSum(config.topics().canonical())).as("the canonical topic was rewritten").isGreaterThan(canonicalBefore);
    assertThat(membership(OutputSnapshot.read(config))).isEqualTo(firstRun);
  }

  @Test
  @Order(5)
  void sideBySideWithAStricterTitleThresholdWritesANewTopicAndLeavesTheOldOne() throws Exception {
    Map<String, Set<String>> v1Before = membership(OutputSnapshot.read(config));
    Map<String, Long> v1Ends = endOffsets(config.topics());
    Path strict = configFile.resolveSibling("strict.properties");
    Files.writeString(strict, Files.readString(configFile) + "dedup.title.threshold=0.9\n");

    Result result = replay("--side-by-side", "--new-version", "v2", "--config", strict.toString());

    assertThat(result.exit).as(result.err).isZero();
    assertThat(result.out)
        .contains("new application replay-it-v2 beside replay-it")
        .contains("NEWS_PIPELINE_TOPIC_CANONICAL=news.articles.canonical.v2");
    PipelineConfig strictConfig =
        PipelineRuns.config(kafka.bootstrapServers(), APP, stateDir, Map.of("dedup.title.threshold", "0.9"));
    PipelineConfig v2 =
        ReplayPlan.plan(strictConfig, ReplayPlan.Mode.SIDE_BY_SIDE, "v2", ReplayStart.beginning(), Clock.systemUTC())
            .plan()
            .orElseThrow()
            .target();
    assertThat(v2.applicationId()).isEqualTo("replay-it-v2");
    assertThat(v2.topics().canonical()).isEqualTo("news.articles.canonical.v2");

    PipelineRuns.runToIdle(v2);

    OutputSnapshot v2Output = OutputSnapshot.read(v2);
    assertThat(v2Output.articles()).as("the Houston Chronicle no longer merges with the Boston Globe").hasSize(15);
    assertThat(v2Output.memberCount()).isEqualTo(16);
    assertThat(endOffsets(config.topics())).as("v1 topics untouched").isEqualTo(v1Ends);
    assertThat(membership(OutputSnapshot.read(config))).isEqualTo(v1Before).isEqualTo(firstRun);

    Result again = replay("--side-by-side", "--new-version", "v2", "--config", strict.toString());
    assertThat(again.exit).isEqualTo(1);
    assertThat(again.err).contains("news.articles.canonical.v2 already holds");
  }

  // ---------------------------------------------------------------------------------------------

  private record Result(int exit, String out, String err) {}

  private static Result replay(String... options) {
    List<String> args = new ArrayList<>(List.of("replay"));
    args.addAll(List.of(options));
    if (!args.contains("--config")) {
      args.addAll(List.of("--config", configFile.toString()));
    }
    args.addAll(List.of("--bootstrap-server", kafka.bootstrapServers()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = PipelineCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args.toArray(String[]::new));
    return new Result(exit, out.toString(), err.toString());
  }

  /** A replay whose config names a raw topic that does not exist. */
  private static Result replayWithRawTopic(String rawTopic) {
    try {
      Path file = configFile.resolveSibling("missing-raw.properties");
      Files.writeString(file, Files.readString(configFile) + "topic.raw=" + rawTopic + "\n");
      return replay("--in-place", "--config", file.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Article id to the ids of its member documents: what compaction leaves, in a comparable form. */
  private static Map<String, Set<String>> membership(OutputSnapshot output) {
    Map<String, Set<String>> map = new TreeMap<>();
    for (CanonicalArticle a : output.articles().values()) {
      map.put(a.getId(), a.getMembers().stream().map(ArticleMember::getDocumentId).collect(Collectors.toCollection(TreeSet::new)));
    }
    return map;
  }

  /** Task state folders such as {@code 0_0} under an application's state directory. */
  private static List<Path> taskDirectories(Path appDir) throws java.io.IOException {
    if (!Files.isDirectory(appDir)) {
      return List.of();
    }
    try (var paths = Files.list(appDir)) {
      return paths.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("\\d+_\\d+")).toList();
    }
  }

  private static long lag(PipelineConfig c) {
    try (Admin admin = Admin.create(ClientSettings.admin(c))) {
      return new IdleWaiter(c, admin).lag();
    }
  }

  private static List<String> internalTopics(String app) throws Exception {
    try (Admin admin = Admin.create(ClientSettings.admin(config))) {
      // the dedup candidates topic is an ordinary topic with time retention: it stays, and the
      // group's offset on it stays at its end, so the old candidates are not read again
      return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
          .filter(t -> t.startsWith(app + "-") && !t.equals(app + "-" + Topics.DEDUP_CANDIDATES))
          .sorted()
          .toList();
    }
  }

  private static long endOffsetSum(String topic) throws Exception {
    return endOffsets(Set.of(topic)).values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<String, Long> endOffsets(PipelineConfig.Topics topics) throws Exception {
    return endOffsets(Set.of(topics.canonical(), topics.duplicates(), topics.rejected()));
  }

  private static Map<String, Long> endOffsets(Set<String> topics) throws Exception {
    try (org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<>(ClientSettings.reader(config))) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      Map<String, Long> ends = new TreeMap<>();
      consumer.endOffsets(partitions).forEach((tp, offset) -> ends.put(tp.toString(), offset));
      return ends;
    }
  }
}
