package news.pipeline.app.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, headless, as root on a machine without network: renders a page and
 * returns the DOM after its scripts ran. The flags keep it from phoning home (connections that
 * this machine refuses, many at a time) and from needing a sandbox or a GPU.
 */
final class HeadlessChromium {

  private final Path executable;

  private HeadlessChromium(Path executable) {
    this.executable = executable;
  }

  /** The browser on the PATH ({@code chromium}, {@code chromium-browser}), if any. */
  static Optional<HeadlessChromium> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .flatMap(dir -> Stream.of(Path.of(dir, "chromium"), Path.of(dir, "chromium-browser")))
        .filter(Files::isExecutable)
        .findFirst()
        .map(HeadlessChromium::new);
  }

  /** Loads {@code url}, lets its scripts run for up to {@code budgetMillis} of virtual time, returns the DOM. */
  String dumpDom(URI url, Path profileDir, int budgetMillis) throws IOException, InterruptedException {
    Path stderr = Files.createTempFile(profileDir.getParent(), "chromium", ".log");
    Process process =
        new ProcessBuilder(
                List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profileDir, "--virtual-time-budget=" + budgetMillis,
                    "--dump-dom", url.toString()))
            .redirectError(stderr.toFile())
            .start();
    byte[] dom = process.getInputStream().readAllBytes();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("chromium did not finish within 90 s");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("chromium exited with " + process.exitValue() + ": " + Files.readString(stderr));
    }
    return new String(dom, StandardCharsets.UTF_8);
  }
}
