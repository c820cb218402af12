package news.pipeline.app.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The scratch directories of the demo and the bench (broker data, Streams state). */
public final class WorkDirs {

  private WorkDirs() {}

  /** Deletes {@code dir} and everything below it; nothing happens when it does not exist. */
  public static void wipe(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
