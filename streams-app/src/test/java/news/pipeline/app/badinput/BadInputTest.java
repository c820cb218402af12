package news.pipeline.app.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import news.pipeline.app.badinput.PipelineDriver.Output;
import news.pipeline.app.badinput.PipelineDriver.Rejected;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.DedupDecision;

/**
 * Every kind of bad input through the real topology, one after another in the same running app:
 * each gives a sensible article or a rejection with a clear reason, nothing is lost (exactly one
 * outcome per input), and a good document sent right after it still becomes an article (the app
 * keeps going). The outcomes are written to {@code target/bad-input-report.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

  private PipelineDriver driver;
  private final AtomicInteger sentinels = new AtomicInteger();
  private final List<String> report = new ArrayList<>();

  @BeforeAll
  void start(@TempDir Path stateDir) {
    driver = new PipelineDriver(stateDir, Map.of());
  }

  @AfterAll
  void stop() throws IOException {
    driver.close();
    Path file = Path.of("target", "bad-input-report.md");
    Files.createDirectories(file.getParent());
    List<String> lines = new ArrayList<>();
    lines.add("| kind | outcome |");
    lines.add("|---|---|");
    lines.addAll(report);
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  static Stream<BadInputs.Case> cases() {
    return BadInputs.all().stream();
  }

  @Test
  void theCatalogueHasAtLeastThirtyKinds() {
    assertThat(BadInputs.all()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(BadInputs.all().stream().map(BadInputs.Case::name).distinct()).hasSameSizeAs(BadInputs.all());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputGivesAnArticleOrAReasonAndTheAppKeepsGoing(BadInputs.Case input) {
    byte[] value = input.value().get();

    driver.pipe("bad-" + input.name(), value, BadInputs.FETCHED);
    Output out = driver.drain();

    if (input.expect() instanceof BadInputs.Reject reject) {
      assertThat(out.decisions()).as("a rejected input joins no article").isEmpty();
      assertThat(out.rejected()).as("exactly one rejection").hasSize(1);
      Rejected rejected = out.rejected().get(0);
      assertThat(rejected.key()).isEqualTo("bad-" + input.name());
      assertThat(rejected.value()).as("the original bytes are kept").isEqualTo(value);
      assertThat(rejected.reason()).contains(reject.reasonContains());
      assertThat(rejected.headers()).containsKeys("reject.stage", "source.topic", "source.offset");
      report.add("| " + input.name() + " | rejected, stage `" + rejected.headers().get("reject.stage") + "`: "
          + rejected.reason().replace("|", "\\|") + " |");
    } else {
      BadInputs.Article article = (BadInputs.Article) input.expect();
      assertThat(out.rejected()).as("not rejected").isEmpty();
      assertThat(out.decisions()).as("the input joined an article").isNotEmpty();
      DedupDecision first = out.decisions().get(0);
      CanonicalArticle live = driver.live().get(first.getArticleId());
      assertThat(live).as("its article is live").isNotNull();
      assertThat(live.getMembers()).anyMatch(m -> m.getDocumentId().equals(first.getDocumentId()));
      article.check().accept(live);
      report.add("| " + input.name() + " | article, title `" + BadInputs.abbreviate(String.valueOf(live.getTitle())).replace("|", "\\|")
          + "`, " + out.decisions().size() + " candidate(s) |");
    }
    assertTheAppStillWorks();
  }

  private void assertTheAppStillWorks() {
    int n = sentinels.incrementAndGet();
    String title = "Sentinel story number " + n + " " + "abcdefghijklmnopqrstuvwxyz".charAt(n % 26) + " keeps the pipeline honest";
    byte[] good = BadInputs.avro(BadInputs.html(BadInputs.page(title, "The sentinel body " + n + " says the app still runs.")));

    driver.pipe("sentinel-" + n, good, BadInputs.FETCHED);
    Output out = driver.drain();

    assertThat(out.rejected()).isEmpty();
    assertThat(out.decisions()).hasSize(1);
    DedupDecision decision = out.decisions().get(0);
    assertThat(driver.live().get(decision.getArticleId()).getMembers())
        .anyMatch(m -> m.getDocumentId().equals(decision.getDocumentId()));
  }
}
