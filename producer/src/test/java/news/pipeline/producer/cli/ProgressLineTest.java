package news.pipeline.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  private static final long MB = 1024 * 1024;

  @Test
  void ratesComeFromTheDifferenceBetweenSamplesAndTheBarFromInputRead() {
    ProgressLine.Sample before = new ProgressLine.Sample(1_000, 10 * MB, 0, 0, 25, 100);
    ProgressLine.Sample now = new ProgressLine.Sample(3_000, 30 * MB, 4, 1, 50, 100);
    String line = ProgressLine.format(now, before, 2.0, Duration.ofSeconds(75));
    assertThat(line).isEqualTo(
        "[##########..........]  50%  3,000 docs  1,000 docs/s  10.0 MB/s  4 skipped  1 failed  1:15");
  }

  @Test
  void withoutAKnownTotalThereIsNoBar() {
    ProgressLine.Sample now = new ProgressLine.Sample(7, MB, 0, 0, 0, 0);
    String line = ProgressLine.format(now, now, 0, Duration.ofHours(1).plusSeconds(5));
    assertThat(line).isEqualTo("7 docs  0 docs/s  0.0 MB/s  0 skipped  0 failed  1:00:05");
  }

  @Test
  void barModeRedrawsInPlaceAndLinesModePrintsLines() {
    AtomicLong docs = new AtomicLong();
    StringWriter bar = new StringWriter();
    try (ProgressReporter reporter =
        new ProgressReporter(new PrintWriter(bar), ProgressReporter.Mode.BAR,
            () -> new ProgressLine.Sample(docs.incrementAndGet(), 0, 0, 0, 0, 0), Duration.ofHours(1))) {
      reporter.tick();
      reporter.tick();
      reporter.message("failed stdin line 2: not valid JSON");
    }
    assertThat(bar.toString())
        .startsWith("\r1 docs")
        .contains("\r2 docs")
        .contains("\rfailed stdin line 2")
        .doesNotContain("progress:")
        .endsWith("not valid JSON" + System.lineSeparator());

    StringWriter lines = new StringWriter();
    try (ProgressReporter reporter =
        new ProgressReporter(new PrintWriter(lines), ProgressReporter.Mode.LINES,
            () -> new ProgressLine.Sample(5, 0, 0, 0, 0, 0), Duration.ofHours(1))) {
      reporter.tick();
    }
    assertThat(lines.toString()).startsWith("progress: 5 docs").doesNotContain("\r");
  }
}
