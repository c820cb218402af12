package news.pipeline.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import news.pipeline.producer.Seeds;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PublishCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(PublishCommand command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void dryRunOfTheSeedsListsFiveDocuments() {
    int exit = run(new PublishCommand(), "--dry-run", Seeds.FOLDER.toString());
    assertThat(exit).isZero();
    String[] lines = out.toString().split("\\R");
    assertThat(lines).hasSize(7);
    assertThat(lines[1]).contains("FRONT_MATTER", "key=bostonglobe.com/", "source=file:001_8c0de6de77f2d51c.txt");
    assertThat(lines[6]).startsWith("  took ");
    assertThat(lines[5]).matches(
        "published 5 documents \\(0\\.03 MB\\) to news\\.documents\\.raw\\.v1: 5 sent, 0 skipped, 0 failed \\(dry run: nothing sent\\)");
  }

  @Test
  void stdinBadLinesAreReportedAndMakeTheExitCodeOne() {
    String lines = "{\"body\": \"one\"}\nnot json\n{\"body\": \"three\", \"url\": \"https://example.com/3\"}\n";
    PublishCommand command = new PublishCommand().withStdin(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
    int exit = run(command, "--dry-run", "--topic", "t", "-");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("failed stdin line 2: not valid JSON");
    assertThat(out.toString()).contains("to t: 2 sent, 0 skipped, 1 failed");
  }

  @Test
  void maxBytesAcceptsUnitsAndSkipsLargerDocuments() {
    int exit = run(new PublishCommand(), "--dry-run", "--max-bytes", "4KB", Seeds.FOLDER.toString());
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("2 sent, 3 skipped, 0 failed");
    assertThat(err.toString()).contains("skipped file:000_fe0a48e181700552.txt: file is 7033 bytes, above the size limit of 4096 bytes");
  }

  @Test
  void missingPathIsAFailure() {
    assertThat(run(new PublishCommand(), "--dry-run", "no/such/dir")).isEqualTo(1);
    assertThat(err.toString()).contains("failed no/such/dir: no such file or folder");
  }

  @Test
  void badOptionIsAUsageError() {
    assertThat(run(new PublishCommand(), "--max-bytes", "lots", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("'lots' is not a size");
  }

  @Test
  void worksAsASubcommand() {
    @CommandLine.Command(name = "pipeline")
    class Top {}
    CommandLine top = new CommandLine(new Top()).addSubcommand(new PublishCommand());
    top.setOut(new PrintWriter(out, true));
    assertThat(top.execute("publish", "--dry-run", Seeds.file("002_8ac13e90b95cf2b8.txt").toString())).isZero();
    assertThat(out.toString()).contains("published 1 documents");
  }

  @Test
  void includeAndExcludeGlobsPickSeeds() {
    int exit = run(new PublishCommand(), "--dry-run", "--include", "00[0-2]_*", "--exclude", "001_*", Seeds.FOLDER.toString());
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("source=file:000_", "source=file:002_").doesNotContain("source=file:001_");
    assertThat(out.toString()).contains("2 sent, 0 skipped, 0 failed");
  }

  @Test
  void unreachableBrokerIsReportedOnceUpFront(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("producer.properties"), "max.block.ms=500\n");
    int exit = run(new PublishCommand(), "--bootstrap-server", "127.0.0.1:1", "--producer-config", config.toString(),
        Seeds.FOLDER.toString());
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("cannot publish to topic news.documents.raw.v1 at 127.0.0.1:1 (nothing was read or sent)");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unreadableProducerConfigIsAUsageError() {
    assertThat(run(new PublishCommand(), "--producer-config", "no/such.properties", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read --producer-config no/such.properties");
  }
}
