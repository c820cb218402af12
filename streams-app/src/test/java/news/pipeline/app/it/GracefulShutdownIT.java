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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.IdleWaiter;
import news.pipeline.app.run.OutputSnapshot;
import news.pipeline.app.run.TopicSetup;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.publish.DocumentPublisher;
import news.pipeline.testkit.TestKafka;

/**
 * SIGTERM in the middle of a run leaves no half-written output: the app exits 0, a restart
 * finishes the input, and the compacted canonical topic equals an undisturbed run's over the same
 * documents, field by field, with every document a member of one live article.
 */
class GracefulShutdownIT {

  private static final Logger LOGGER = LoggerFactory.getLogger(GracefulShutdownIT.class);
  private static final int STORIES = 150;

  @TempDir static Path work;
  private static TestKafka kafka;
  private static List<RawDocument> docs;

  @BeforeAll
  static void start() throws Exception {
    kafka = TestKafka.start();
    docs = SyntheticNews.generate(STORIES, 11);
  }

  @AfterAll
  static void stop() throws Exception {
    kafka.close();
  }

  private static Map<String, String> settings(String name) {
    Map<String, String> s = new HashMap<>();
    s.put("bootstrap.servers", kafka.bootstrapServers());
    s.put("application.id", "stop-" + name);
    s.put("state.dir", work.resolve(name).toString());
    s.put("topic.raw", "raw-" + name);
    s.put("topic.canonical", "canonical-" + name);
    s.put("topic.duplicates", "duplicates-" + name);
    s.put("topic.rejected", "rejected-" + name);
    s.put("http.port", "-1");
    return s;
  }

  private static PipelineConfig prepare(Map<String, String> settings) {
    PipelineConfig config = ConfigLoader.load(null, Map.of(), settings).orThrow();
    TopicSetup.ensureTopics(config);
    try (DocumentPublisher publisher =
        new DocumentPublisher(config.bootstrapServers(), config.topics().raw(), config.maxDocumentBytes(), Map.of())) {
      docs.forEach(publisher::publish);
      publisher.flush();
      assertThat(publisher.summary().failed()).isZero();
    }
    return config;
  }

  @Test
  void sigtermMidStreamThenRestartGivesTheUndisturbedOutput() throws Exception {
    PipelineConfig reference = prepare(settings("reference"));
    PipelineRuns.runToIdle(reference);
    Map<String, CanonicalArticle> expected = OutputSnapshot.read(reference).articles();

    Map<String, String> settings = settings("stopped");
    PipelineConfig config = prepare(settings);
    Path configFile = work.resolve("stopped.properties");
    Properties props = new Properties();
    props.putAll(settings);
    try (OutputStream out = Files.newOutputStream(configFile)) {
      props.store(out, "GracefulShutdownIT");
    }
    Path log = work.resolve("stopped.log");
    try (Admin admin = Admin.create(ClientSettings.admin(config))) {
      IdleWaiter waiter = new IdleWaiter(config, admin);
      long lagAtStop;
      try (ChildApp app = ChildApp.start(configFile, log)) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        // stop once part of the input is done: the raw topic alone holds docs.size() records
        while ((lagAtStop = waiter.lag()) > docs.size() * 3L / 4 && System.nanoTime() < deadline) {
          assertThat(app.isAlive()).as("app running; log %s", log).isTrue();
          Thread.sleep(100);
        }
        int code = app.terminate(Duration.ofSeconds(90));
        assertThat(code).as("exit code after SIGTERM; log %s", log).isZero();
      }
      LOGGER.info("stopped with SIGTERM, records left to process={} of {} documents", lagAtStop, docs.size());

      try (ChildApp restarted = ChildApp.start(configFile, log)) {
        waiter.awaitIdle(Duration.ofSeconds(2), Duration.ofMinutes(4), lag -> {}, restarted::isAlive);
        assertThat(restarted.terminate(Duration.ofSeconds(90))).isZero();
      }
    }
    Map<String, CanonicalArticle> actual = OutputSnapshot.read(config).articles();

    assertThat(actual.values().stream().mapToInt(CanonicalArticle::getMemberCount).sum())
        .as("every document is a member of one live article")
        .isEqualTo(docs.size());
    assertThat(DedupPartitionIT.difference(expected, actual)).as("compacted output after SIGTERM and restart").isEmpty();
  }
}
