package news.pipeline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.pipeline.app.cli.PipelineCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./pipeline bench} runs end to end on a few documents; the figures themselves are in the README. */
class BenchCommandTest {

  @TempDir Path dir;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void runsOnFiftyGeneratedDocumentsAndPrintsEveryFigureAndTheRatios() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = PipelineCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("bench", "--docs", "50", "--corpus", dir.resolve("no-corpus").toString(),
        "--data-dir", dir.resolve("bench").toString(), "--latency-seconds", "2", "--partitions", "2",
        "--warmup-rounds", "2");

    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).contains("corpus not found").contains("using 200 generated pages instead");
    String report = out.toString();
    assertThat(report)
        .contains("bench: 50 documents")
        .contains("raw broker pass-through")
        .contains("cleaner alone (2 thread(s))") // one stream thread, cleaning on the default two parse workers
        .contains("full pipeline")
        .contains("p50").contains("p99")
        .contains("bytes per remembered document");
    Matcher ratios = Pattern.compile("pipeline / cleaner-alone (\\d+\\.\\d+), pipeline / raw (\\d+\\.\\d+)").matcher(report);
    assertThat(ratios.find()).as(report).isTrue();
    assertThat(Double.parseDouble(ratios.group(1))).isPositive();
    assertThat(Double.parseDouble(ratios.group(2))).isPositive();
    Matcher time = Pattern.compile(
        "wall time per document (\\d+\\.\\d+) ms:.* dedup (\\d+\\.\\d+),.* parse\\+clean (\\d+\\.\\d+),"
            + " blocked on Kafka (\\d+\\.\\d+) \\(.*transaction commit (\\d+\\.\\d+)").matcher(report);
    assertThat(time.find()).as(report).isTrue();
    for (int g : new int[] {1, 2, 4, 5}) {
      assertThat(Double.parseDouble(time.group(g))).as(time.group()).isPositive();
    }
    // parse+clean is the stream thread's wait for a parse begun ahead: on the small generated
    // pages it often finished before the record was processed, and rounds to 0.00
    assertThat(Double.parseDouble(time.group(3))).as(time.group()).isNotNegative();
    assertThat(Double.parseDouble(time.group(3)) + Double.parseDouble(time.group(4)))
        .as("the parts fit in the threads' wall time").isLessThanOrEqualTo(Double.parseDouble(time.group(1)));
    Matcher seen = Pattern.compile("\\((\\d+) of (\\d+) documents seen").matcher(report);
    assertThat(seen.find()).as(report).isTrue();
    assertThat(seen.group(1)).as("every latency document reached the output").isEqualTo(seen.group(2));
  }

  @Test
  void rejectsNonsenseOptions() {
    StringWriter err = new StringWriter();
    CommandLine cli = PipelineCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("bench", "--docs", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--docs");
  }
}
