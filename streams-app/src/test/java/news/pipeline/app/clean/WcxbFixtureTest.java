package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real pages from the WCXB dev split (CC-BY-4.0, see fixtures/clean/README.md) scored against
 * their gold text. Floors sit a little under the word F1 measured when the fixtures were added,
 * so a regression in the extractor fails here.
 */
class WcxbFixtureTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest(name = "page {0}")
  @CsvSource(textBlock = """
      0080, 0.97
      0153, 0.97
      0160, 0.97
      0161, 0.95
      """)
  void articlePagesMatchTheGoldTextTitleAndDate(String id, double floor) throws Exception {
    JsonNode truth = MAPPER.readTree(Fixtures.read("wcxb/" + id + ".json"));
    JsonNode gold = truth.get("ground_truth");

    CleanedPage page = new HtmlCleaner().clean(Fixtures.read("wcxb/" + id + ".html"),
        truth.get("url").asText());

    assertThat(ExtractionScore.words(page.text(), gold.get("main_content").asText()).f1())
        .isGreaterThanOrEqualTo(floor);
    assertThat(page.title()).isEqualTo(gold.get("title").asText());
    assertThat(QualityBenchmark.publishedDate(page)).isEqualTo(gold.get("publish_date").asText());
    assertThat(page.isArticle()).isTrue();
  }

  @ParameterizedTest(name = "page {0}")
  @CsvSource("0259")
  void listingPageIsNotAnArticle(String id) throws Exception {
    JsonNode truth = MAPPER.readTree(Fixtures.read("wcxb/" + id + ".json"));
    CleanedPage page = new HtmlCleaner().clean(Fixtures.read("wcxb/" + id + ".html"),
        truth.get("url").asText());
    assertThat(page.isArticle()).isFalse();
  }
}
