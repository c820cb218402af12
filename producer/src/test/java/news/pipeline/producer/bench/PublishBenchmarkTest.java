package news.pipeline.producer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs end to end on a handful of documents; the figures themselves are in the README. */
class PublishBenchmarkTest {

  @TempDir Path dir;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void runsOnATinySetAndSendsEveryDocumentBothWays() throws Exception {
    Path input = PublishBenchmark.generate(dir.resolve("tiny.jsonl"), 50, 1);
    assertThat(Files.readAllLines(input)).hasSize(50);

    PublishBenchmark.Result result = PublishBenchmark.run(input, dir.resolve("broker"), "lz4");

    assertThat(result.documents()).isEqualTo(50);
    assertThat(result.publishSummary().sent()).isEqualTo(50);
    assertThat(result.publishSummary().bytes()).isEqualTo(result.bytes());
    assertThat(result.rawSeconds()).isPositive();
    assertThat(result.ratio()).isPositive();
  }
}
