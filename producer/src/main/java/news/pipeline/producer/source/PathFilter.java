package news.pipeline.producer.source;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.function.Predicate;

/**
 * Include and exclude globs for a folder walk, matched against a file's path relative to the
 * folder given ({@code /}-separated), with the usual glob syntax ({@code *}, {@code **}, {@code
 * ?}, <code>{a,b}</code>, {@code [a-z]}).
 *
 * <ul>
 *   <li>a glob without {@code /} matches a name: for includes the file name, for excludes the
 *       file name or any folder name on the way ({@code --exclude archive} leaves out a whole
 *       folder);
 *   <li>a glob with {@code /} matches the whole relative path; a leading {@code **}{@code /}
 *       also matches at the top level;
 *   <li>a file is read when no include is given or one matches, and no exclude matches.
 * </ul>
 *
 * <p>{@code PathFilter.of(List.of("*.html", "*.txt"), List.of("drafts"))}
 */
public final class PathFilter implements Predicate<String> {

  private static final FileSystem FILES = FileSystems.getDefault();

  private final List<Glob> includes;
  private final List<Glob> excludes;

  private PathFilter(List<Glob> includes, List<Glob> excludes) {
    this.includes = includes;
    this.excludes = excludes;
  }

  /**
   * A filter from globs; null or empty lists mean "everything" and "nothing".
   *
   * @throws IllegalArgumentException when a glob is malformed
   */
  public static PathFilter of(List<String> includes, List<String> excludes) {
    return new PathFilter(compile(includes), compile(excludes));
  }

  /** A filter that accepts every file. */
  public static PathFilter all() {
    return new PathFilter(List.of(), List.of());
  }

  @Override
  public boolean test(String relativePath) {
    String[] segments = relativePath.split("/");
    String fileName = segments[segments.length - 1];
    boolean included =
        includes.isEmpty() || includes.stream().anyMatch(glob -> glob.matches(relativePath, fileName));
    if (!included) {
      return false;
    }
    for (Glob exclude : excludes) {
      if (exclude.matches(relativePath, fileName)) {
        return false;
      }
      if (!exclude.hasSlash) {
        for (int i = 0; i < segments.length - 1; i++) {
          if (exclude.matches(segments[i], segments[i])) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static List<Glob> compile(List<String> globs) {
    return globs == null ? List.of() : globs.stream().filter(g -> !g.isBlank()).map(Glob::new).toList();
  }

  /** One glob, compiled once. */
  private static final class Glob {
    private final boolean hasSlash;
    private final PathMatcher matcher;
    private final PathMatcher topLevel;

    Glob(String pattern) {
      String glob = pattern.strip();
      while (glob.startsWith("./")) {
        glob = glob.substring(2);
      }
      hasSlash = glob.contains("/");
      matcher = FILES.getPathMatcher("glob:" + glob);
      topLevel = glob.startsWith("**/") ? FILES.getPathMatcher("glob:" + glob.substring(3)) : null;
    }

    boolean matches(String relativePath, String fileName) {
      if (!hasSlash) {
        return matcher.matches(Path.of(fileName));
      }
      Path path = Path.of(relativePath);
      return matcher.matches(path) || (topLevel != null && topLevel.matches(path));
    }
  }
}
