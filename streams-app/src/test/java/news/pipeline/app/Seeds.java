package news.pipeline.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's five seed documents (top-level {@code seeds/}), for tests. */
public final class Seeds {

  /** The seeds folder, found from the module directory Maven runs tests in. */
  public static final Path DIR = Path.of("..", "seeds").toAbsolutePath().normalize();

  public static final String YAML_RECORD = "001_8c0de6de77f2d51c.txt";

  private Seeds() {}

  public static String read(String name) {
    try {
      return Files.readString(DIR.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
