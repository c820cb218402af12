package news.pipeline.app.replay;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of the next version of a topic or application id: a trailing version ({@code .v1},
 * {@code -v1}) is replaced, otherwise the version is appended.
 *
 * <p>{@code VersionedNames.withVersion("news.articles.canonical.v1", "v2", '.')} is {@code
 * news.articles.canonical.v2}; {@code VersionedNames.withVersion("my-app", "v2", '-')} is {@code
 * my-app-v2}.
 */
public final class VersionedNames {

  /** What {@code --new-version} accepts: {@code v} and a number. */
  public static final Pattern VERSION = Pattern.compile("v[0-9]{1,6}");

  private static final Pattern TRAILING = Pattern.compile("^(.*?)([.\\-_])v[0-9]+$");

  private VersionedNames() {}

  public static String withVersion(String name, String version, char separator) {
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("version must look like v2, not '" + version + "'");
    }
    Matcher m = TRAILING.matcher(name);
    if (m.matches()) {
      return m.group(1) + m.group(2) + version;
    }
    return name + separator + version;
  }
}
