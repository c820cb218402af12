package news.pipeline.app.dedup.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import news.pipeline.app.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusQualitySetTest {

  @TempDir Path temp;

  @Test
  void missingCorpusGivesAnEmptyPartThatSaysItWasSkipped() {
    Path absent = temp.resolve("no-such-corpus");

    QualitySet part = CorpusQualitySet.build(absent, 1);

    assertThat(part.documents()).isEmpty();
    assertThat(part.notes()).singleElement().asString().contains("SKIPPED").contains(absent.toString());
  }

  @Test
  void benchmarkWithoutCorpusRunsTheSeedsAndSaysSo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    QualityScore score =
        DedupQualityBenchmark.run(Seeds.DIR, temp.resolve("absent"), new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("corpus part SKIPPED").contains("seeds only").contains("url variants")
        .contains("hard negatives falsely merged");
    assertThat(score.goldArticles()).isEqualTo(14);
  }
}
