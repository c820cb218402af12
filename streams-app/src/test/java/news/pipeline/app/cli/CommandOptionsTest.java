package news.pipeline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option checks of tail and replay that answer before any connection is made. */
class CommandOptionsTest {

  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = PipelineCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  @Test
  void fromEndWithoutFollowIsRefused() {
    assertThat(run("tail", "--from-end")).isEqualTo(2);
    assertThat(err.toString()).contains("add --follow");
  }

  @Test
  void latestWithFollowOrSinceIsRefused() {
    assertThat(run("tail", "--latest", "--follow")).isEqualTo(2);
    assertThat(run("tail", "--latest", "--since", "PT1H")).isEqualTo(2);
    assertThat(err.toString()).contains("--latest reads the whole topic once");
  }

  @Test
  void badSinceIsRefusedWithAnExample() {
    assertThat(run("tail", "--since", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("2020-06-10T12:00:00Z");
  }

  @Test
  void startOptionsExcludeEachOther() {
    assertThat(run("tail", "--from-beginning", "--since", "PT1H")).isEqualTo(2);
    assertThat(err.toString()).contains("mutually exclusive");
  }

  @Test
  void replayNeedsExactlyOneMode() {
    assertThat(run("replay", "--dry-run")).isEqualTo(2);
    assertThat(run("replay", "--in-place", "--side-by-side")).isEqualTo(2);
    assertThat(err.toString()).contains("--in-place").contains("--side-by-side");
  }

  @Test
  void replaySideBySideWithoutVersionIsRefusedBeforeConnecting() {
    assertThat(run("replay", "--side-by-side", "--bootstrap-server", "localhost:1")).isEqualTo(2);
    assertThat(err.toString()).contains("--new-version vN");
  }
}
