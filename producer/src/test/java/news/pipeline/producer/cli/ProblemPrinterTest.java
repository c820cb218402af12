package news.pipeline.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import news.pipeline.producer.publish.Problem;
import news.pipeline.producer.publish.Problem.Kind;
import org.junit.jupiter.api.Test;

class ProblemPrinterTest {

  @Test
  void repeatedSkipsAreShownAFewTimesButFailuresAlways() {
    StringWriter text = new StringWriter();
    ProblemPrinter printer = new ProblemPrinter(new PrintWriter(text, true));
    for (int i = 0; i < 10; i++) {
      printer.accept(new Problem(Kind.SKIPPED, "file:a.warc", "WARC request record"));
      printer.accept(new Problem(Kind.FAILED, "stdin line " + i, "not valid JSON"));
    }
    String[] lines = text.toString().split("\\R");
    assertThat(lines).filteredOn(line -> line.startsWith("skipped")).hasSize(ProblemPrinter.SAME_SKIPS_SHOWN);
    assertThat(lines).filteredOn(line -> line.startsWith("failed")).hasSize(10);
    assertThat(text.toString()).contains("skipped file:a.warc: WARC request record (further skips for this reason are counted, not shown)");
  }
}
