package news.pipeline.producer;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's five seed files, read in place (tests run in the producer module folder). */
public final class Seeds {

  /** The {@code seeds/} folder at the top of the repository. */
  public static final Path FOLDER = Path.of("..", "seeds");

  private Seeds() {}

  public static Path file(String name) {
    Path path = FOLDER.resolve(name);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("seed missing: " + path.toAbsolutePath());
    }
    return path;
  }
}
