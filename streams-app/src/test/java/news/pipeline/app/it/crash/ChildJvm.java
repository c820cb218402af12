package news.pipeline.app.it.crash;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started from the test's own class path, for what must be killed for real: the streams app
 * ({@code PipelineCli run}) or a broker ({@code kafka.Kafka}). Output goes to a log file.
 */
final class ChildJvm {

  private final String name;
  private final Process process;

  private ChildJvm(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  /** Starts {@code mainClass} with {@code args}; stdout and stderr are appended to {@code log}. */
  static ChildJvm start(String name, String heap, Path log, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-XX:+UseSerialGC");
    command.add("-Dlog4j2.configurationFile=classpath:log4j2-child.xml");
    command.add("-cp");
    command.add(classPath());
    command.add(mainClass);
    command.addAll(List.of(args));
    try {
      log.getParent().toFile().mkdirs();
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new ChildJvm(name, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /**
   * The test class path. Surefire and failsafe may put only a manifest jar on {@code
   * java.class.path}; the real path is then in {@code surefire.test.class.path}.
   */
  static String classPath() {
    String full = System.getProperty("surefire.test.class.path");
    return full != null && !full.isBlank() ? full : System.getProperty("java.class.path");
  }

  /** kill -9: no shutdown hook, no clean close, no last commit. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " did not die after kill -9");
    }
  }

  /** SIGTERM and wait: the app's shutdown hook closes it cleanly. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }

  static String pathSeparator() {
    return File.pathSeparator;
  }
}
