package news.pipeline.app.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import news.pipeline.app.Seeds;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.it.PipelineRuns;
import news.pipeline.testkit.TestKafka;
import news.pipeline.app.run.OutputSnapshot;
import news.pipeline.app.run.SeedPublisher;
import news.pipeline.app.run.TopicSetup;
import news.pipeline.avro.CanonicalArticle;

/** The README's example consumer, run as is against the seeds' output on a real broker. */
class ExampleConsumerIT {

  @Test
  void exampleConsumerReadsTheSeedsCanonicalArticles(@TempDir Path state) throws Exception {
    try (TestKafka kafka = TestKafka.start()) {
      PipelineConfig config = PipelineRuns.config(kafka.bootstrapServers(), "example-it", state, Map.of());
      TopicSetup.ensureTopics(config);
      SeedPublisher.publish(config, Seeds.DIR);
      PipelineRuns.runToIdle(config);
      Map<String, CanonicalArticle> expected = OutputSnapshot.read(config).articles();
      assertThat(expected).hasSize(14);

      Map<String, CanonicalArticle> articles = new HashMap<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      ExampleConsumer.consume(kafka.bootstrapServers(), articles, () -> !articles.equals(expected) && System.nanoTime() < deadline);

      assertThat(articles.keySet()).isEqualTo(expected.keySet());
      assertThat(articles).isEqualTo(expected);
    }
  }
}
