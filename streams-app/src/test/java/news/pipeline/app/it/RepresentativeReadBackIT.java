package news.pipeline.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import news.pipeline.app.Seeds;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.OutputSnapshot;
import news.pipeline.app.run.TopicSetup;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.document.RawDocuments;
import news.pipeline.testkit.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dedup state keeps a representative as its position in the candidates topic. After a restart
 * the app's cache of recent candidates is empty, so an article published again must read its
 * representative back from the broker: the new version carries the first page's whole text.
 */
class RepresentativeReadBackIT {

  private static final String PAGE = "000_fe0a48e181700552.txt";

  @Test
  void anArticlePublishedAgainAfterARestartCarriesItsRepresentativeFromTheBroker(@TempDir Path dir) throws Exception {
    try (TestKafka kafka = TestKafka.start()) {
      PipelineConfig config = PipelineRuns.config(kafka.bootstrapServers(), "read-back-it", dir.resolve("state"), Map.of());
      TopicSetup.ensureTopics(config);
      String page = Seeds.read(PAGE);
      Instant fetched = Instant.parse("2026-11-30T08:00:00Z");
      RawDocument original = document("file:original", page, fetched);
      PipelineRuns.publish(config, List.of(original));
      PipelineRuns.runToIdle(config);
      CanonicalArticle first = OutputSnapshot.read(config).articles().get(original.getId());
      assertThat(first).isNotNull();
      assertThat(first.getText()).hasSizeGreaterThan(1000);

      // a re-crawl without one of the article's paragraphs: shorter, so the first page stays the
      // representative, and a new app (empty cache, state restored) publishes the article again
      PipelineRuns.publish(config, List.of(document("file:recrawl", withoutLongestParagraph(page), fetched.plusSeconds(3600))));
      PipelineRuns.runToIdle(config);

      CanonicalArticle again = OutputSnapshot.read(config).articles().get(original.getId());
      assertThat(again.getMemberCount()).as("the re-crawl joined the article").isEqualTo(2);
      assertThat(again.getText()).as("the representative's text, read back from the candidates topic").isEqualTo(first.getText());
      assertThat(again.getTitle()).isEqualTo(first.getTitle());
      assertThat(again.getAuthors()).isEqualTo(first.getAuthors());
      assertThat(again.getPublishedAt()).isEqualTo(first.getPublishedAt());
      assertThat(again.getExcerpt()).isEqualTo(first.getExcerpt());
    }
  }

  private static RawDocument document(String source, String body, Instant fetched) {
    return RawDocuments.create(source, null, body.getBytes(StandardCharsets.UTF_8), fetched, null, Map.of(), Map.of());
  }

  private static String withoutLongestParagraph(String page) {
    List<String> lines = new ArrayList<>(Arrays.asList(page.split("\n", -1)));
    int longest = 0;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).length() > lines.get(longest).length()) {
        longest = i;
      }
    }
    lines.remove(longest);
    return String.join("\n", lines);
  }
}
