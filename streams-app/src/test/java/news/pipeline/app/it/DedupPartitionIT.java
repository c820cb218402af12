package news.pipeline.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.IdleWaiter;
import news.pipeline.app.run.OutputSnapshot;
import news.pipeline.app.run.PipelineRunner;
import news.pipeline.app.run.TopicSetup;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.RawDocument;
import news.pipeline.testkit.TestKafka;

/**
 * The same input through one instance on one partition, through two instances on six partitions,
 * and through two instances on six partitions with one of them killed (-9) mid-stream and
 * restarted, gives the same compacted canonical output: ids, members, matched-by, content.
 */
class DedupPartitionIT {

  private static final int STORIES = 150;
  private static TestKafka kafka;
  private static List<RawDocument> docs;

  @TempDir static Path work;

  @BeforeAll
  static void start() throws Exception {
    kafka = TestKafka.start();
    docs = SyntheticNews.generate(STORIES, 7);
  }

  @AfterAll
  static void stop() throws Exception {
    kafka.close();
  }

  private static Map<String, String> settings(String name, int partitions) {
    Map<String, String> s = new HashMap<>();
    s.put("bootstrap.servers", kafka.bootstrapServers());
    s.put("application.id", "dedup-" + name);
    s.put("state.dir", work.resolve(name).resolve("state-0").toString());
    s.put("topics.partitions", Integer.toString(partitions));
    s.put("topic.raw", "raw-" + name);
    s.put("topic.canonical", "canonical-" + name);
    s.put("topic.duplicates", "duplicates-" + name);
    s.put("topic.rejected", "rejected-" + name);
    return s;
  }

  private static PipelineConfig config(Map<String, String> settings) {
    return ConfigLoader.load(null, Map.of(), settings).orThrow();
  }

  private static void awaitIdle(PipelineConfig config) throws Exception {
    try (Admin admin = Admin.create(ClientSettings.admin(config))) {
      new IdleWaiter(config, admin).awaitIdle(Duration.ofSeconds(2), Duration.ofMinutes(4), lag -> {}, () -> true);
    }
  }

  private static Map<String, CanonicalArticle> oneInstanceOnePartition() throws Exception {
    PipelineConfig config = config(settings("one", 1));
    TopicSetup.ensureTopics(config);
    PipelineRuns.publish(config, docs.subList(0, docs.size() / 2));
    try (PipelineRunner runner = PipelineRunner.start(config)) {
      runner.awaitRunning(Duration.ofSeconds(60));
      PipelineRuns.publish(config, docs.subList(docs.size() / 2, docs.size()));
      awaitIdle(config);
    }
    return OutputSnapshot.read(config).articles();
  }

  private static Map<String, CanonicalArticle> twoInstancesSixPartitions() throws Exception {
    Map<String, String> s = settings("two", 6);
    PipelineConfig config = config(s);
    TopicSetup.ensureTopics(config);
    PipelineRuns.publish(config, docs.subList(0, docs.size() / 2));
    try (PipelineRunner first = PipelineRunner.start(config);
        PipelineRunner second = PipelineRunner.start(config.withStateDir(work.resolve("two").resolve("state-1")))) {
      first.awaitRunning(Duration.ofSeconds(60));
      second.awaitRunning(Duration.ofSeconds(60));
      PipelineRuns.publish(config, docs.subList(docs.size() / 2, docs.size()));
      awaitIdle(config);
    }
    return OutputSnapshot.read(config).articles();
  }

  private static Map<String, CanonicalArticle> twoInstancesOneKilled() throws Exception {
    Map<String, String> s = settings("kill", 6);
    PipelineConfig config = config(s);
    TopicSetup.ensureTopics(config);
    Map<String, String> childSettings = new HashMap<>(s);
    childSettings.put("state.dir", work.resolve("kill").resolve("state-child").toString());
    Path childConfig = work.resolve("kill-child.properties");
    Properties props = new Properties();
    props.putAll(childSettings);
    try (OutputStream out = Files.newOutputStream(childConfig)) {
      props.store(out, "child instance");
    }
    Path log = work.resolve("kill-child.log");
    PipelineRuns.publish(config, docs.subList(0, docs.size() / 3));
    try (PipelineRunner inJvm = PipelineRunner.start(config); Admin admin = Admin.create(ClientSettings.admin(config))) {
      ChildApp child = ChildApp.start(childConfig, log);
      inJvm.awaitRunning(Duration.ofSeconds(60));
      PipelineRuns.publish(config, docs.subList(docs.size() / 3, 2 * docs.size() / 3));
      IdleWaiter waiter = new IdleWaiter(config, admin);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (waiter.lag() > docs.size() / 4 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      child.kill();
      assertThat(child.isAlive()).isFalse();
      PipelineRuns.publish(config, docs.subList(2 * docs.size() / 3, docs.size()));
      try (ChildApp restarted = ChildApp.start(childConfig, log)) {
        awaitIdle(config);
      }
    }
    return OutputSnapshot.read(config).articles();
  }

  @Test
  void sameCompactedOutputWhateverThePartitionsInstancesAndCrashes() throws Exception {
    Map<String, CanonicalArticle> one = oneInstanceOnePartition();

    assertThat(one.values().stream().mapToInt(CanonicalArticle::getMemberCount).sum())
        .as("every document is a member of one live article")
        .isEqualTo(docs.size());
    assertThat(one).as("about one article per story").hasSizeBetween(STORIES, STORIES + STORIES / 10);

    assertThat(difference(one, twoInstancesSixPartitions())).as("two instances, six partitions").isEmpty();
    assertThat(difference(one, twoInstancesOneKilled())).as("one instance killed and restarted").isEmpty();
  }

  /** What differs between two compacted outputs, field by field, in a few lines; empty when equal. */
  static List<String> difference(Map<String, CanonicalArticle> expected, Map<String, CanonicalArticle> actual) {
    List<String> lines = new java.util.ArrayList<>();
    for (String id : new java.util.TreeSet<>(expected.keySet())) {
      CanonicalArticle a = expected.get(id);
      CanonicalArticle b = actual.get(id);
      if (b == null) {
        lines.add("missing article " + id + " " + a.getTitle() + " members=" + a.getMemberCount());
      } else if (!a.equals(b)) {
        for (org.apache.avro.Schema.Field f : a.getSchema().getFields()) {
          if (!java.util.Objects.equals(a.get(f.pos()), b.get(f.pos()))) {
            lines.add("article " + id + " field " + f.name() + ": expected " + a.get(f.pos()) + " but was " + b.get(f.pos()));
          }
        }
      }
    }
    actual.keySet().stream().filter(id -> !expected.containsKey(id))
        .forEach(id -> lines.add("unexpected article " + id + " " + actual.get(id).getTitle()));
    return lines.size() > 20 ? lines.subList(0, 20) : lines;
  }
}
