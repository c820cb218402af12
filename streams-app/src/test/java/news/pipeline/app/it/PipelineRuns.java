package news.pipeline.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.IdleWaiter;
import news.pipeline.app.run.PipelineRunner;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.publish.DocumentPublisher;

/** Shared steps of the integration tests: a config for a test broker, and a run of the topology until idle. */
public final class PipelineRuns {

  private PipelineRuns() {}

  public static PipelineConfig config(String bootstrapServers, String appId, Path stateDir, Map<String, String> extra) {
    Map<String, String> overrides = new HashMap<>(extra);
    overrides.put("bootstrap.servers", bootstrapServers);
    overrides.put("application.id", appId);
    overrides.put("state.dir", stateDir.toString());
    return ConfigLoader.load(null, Map.of(), overrides).orThrow();
  }

  /** Publishes raw documents to the raw topic, as the producer does, and checks none failed. */
  public static void publish(PipelineConfig config, List<RawDocument> documents) {
    try (DocumentPublisher publisher =
        new DocumentPublisher(config.bootstrapServers(), config.topics().raw(), config.maxDocumentBytes(), Map.of())) {
      documents.forEach(publisher::publish);
      publisher.flush();
      assertThat(publisher.summary().failed()).isZero();
    }
  }

  /** Runs the topology until every input record is processed, then stops it (leaving the group). */
  public static void runToIdle(PipelineConfig config) throws Exception {
    try (PipelineRunner runner = PipelineRunner.start(config); Admin admin = Admin.create(ClientSettings.admin(config))) {
      runner.awaitRunning(Duration.ofSeconds(90));
      new IdleWaiter(config, admin)
          .awaitIdle(Duration.ofSeconds(1), Duration.ofSeconds(120), lag -> {}, () -> runner.failure() == null);
    }
  }
}
