package news.pipeline.app.config;

import java.nio.file.Path;

/**
 * The pipeline's own folder (the checkout holding {@code ./pipeline}), where the built-in defaults
 * point: {@code seeds/}, the demo's and bench's data, the default state directory. The launcher
 * names it in the system property {@value #PROPERTY} and leaves the current directory alone, so
 * that paths a user types are read from where they typed them. Without the property (tests, a
 * plain {@code java} command) it is the current directory.
 */
public final class PipelineHome {

  /** The system property the launcher sets. */
  public static final String PROPERTY = "news.pipeline.home";

  /** The folder in a picocli default value, {@code .} without the property: {@code HOME_VARIABLE + "/seeds"}. */
  public static final String HOME_VARIABLE = "${sys:" + PROPERTY + ":-.}";

  private PipelineHome() {}

  /** A built-in default path: inside the pipeline's folder when relative. */
  public static Path resolve(String path) {
    return Path.of(System.getProperty(PROPERTY, "")).resolve(path).normalize();
  }
}
