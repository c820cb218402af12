package news.pipeline.app.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The streams app as a separate JVM ({@code PipelineCli run}), so a test can kill it with -9. */
final class ChildApp implements AutoCloseable {

  private final Process process;

  private ChildApp(Process process) {
    this.process = process;
  }

  static ChildApp start(Path configFile, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    "news.pipeline.app.cli.PipelineCli", "run", "--no-create-topics", "--config", configFile.toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("LOG_LEVEL", "INFO");
    return new ChildApp(builder.start());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * SIGTERM, as a supervisor stops the app, then waits up to {@code timeout} for it to exit.
   *
   * @return the exit code, or -1 if it was still running after the timeout (then it is killed)
   */
  int terminate(java.time.Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      return -1;
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no commit, no clean close. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
