package news.pipeline.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

class WatchCommandTest {

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new WatchCommand());
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void aMissingFolderIsAUsageError() {
    assertThat(run("--bootstrap-server", "localhost:1", "no/such/folder")).isEqualTo(2);
    assertThat(err.toString()).contains("not a folder: no/such/folder");
  }

  @Test
  void anUnknownDisposalIsAUsageError() {
    assertThat(run("--on-done", "archive", ".")).isEqualTo(2);
    assertThat(err.toString()).contains("--on-done");
  }

  @Test
  void durationsReadShortAndIsoForms() {
    DurationConverter converter = new DurationConverter();
    assertThat(converter.convert("0")).isEqualTo(Duration.ZERO);
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(converter.convert("3")).isEqualTo(Duration.ofSeconds(3));
    assertThat(converter.convert("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(converter.convert("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    assertThatThrownBy(() -> converter.convert("soon")).isInstanceOf(TypeConversionException.class);
    assertThatThrownBy(() -> converter.convert("PT-1S")).isInstanceOf(TypeConversionException.class);
  }
}
