package news.pipeline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run}'s exit codes that need no broker: a supervisor must not restart-loop on bad config blindly. */
class RunCommandTest {

  @Test
  void badConfigurationExitsWithTwoAndNamesEveryProblem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "http.port=http\nshutdown.timeout=-PT1S\n");
    CommandLine cli = news.pipeline.app.cli.PipelineCli.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));

    int code = cli.execute("run", "--config", file.toString());

    assertThat(code).isEqualTo(news.pipeline.app.ops.ExitCodes.BAD_CONFIG);
    assertThat(err.toString()).contains("http.port=http is invalid").contains("shutdown.timeout=-PT1S is invalid");
  }

  @Test
  void helpListsTheExitCodes() {
    StringWriter out = new StringWriter();
    CommandLine cli = PipelineCli.commandLine();
    cli.setOut(new PrintWriter(out));

    cli.execute("run", "--help");

    assertThat(out.toString()).contains("Exit codes:").contains("0").contains("stopped on request").contains("shutdown.timeout");
  }
}
