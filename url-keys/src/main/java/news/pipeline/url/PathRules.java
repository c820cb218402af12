package news.pipeline.url;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Folds the path variants of one article onto one path: AMP segments and suffixes, index pages,
 * session ids, a decorative slug after a numeric article id, and the trailing slash. Case is kept:
 * paths are case-sensitive on most servers.
 */
final class PathRules {

  /** File names a server serves for the directory itself. */
  private static final Set<String> INDEX_PAGES =
      Set.of(
          "index.html", "index.htm", "index.shtml", "index.php", "index.asp", "index.aspx",
          "index.jsp", "index.cfm", "default.asp", "default.aspx", "default.htm", "default.html");

  private static final Pattern SESSION_ID =
      Pattern.compile(";(?:jsessionid|phpsessid)=[^/]*", Pattern.CASE_INSENSITIVE);

  /** A numeric article id long enough not to be a year, month or page number. */
  private static final Pattern ARTICLE_ID = Pattern.compile("\\d{5,}");

  /** A date folder ({@code 20240614}, {@code 202406}): it names a day or month of articles, not one. */
  private static final Pattern DATE_FOLDER =
      Pattern.compile("(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])?");

  /** A hyphenated slug of at least three words, with no file extension. */
  private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+){2,}");

  private PathRules() {}

  /**
   * The canonical form of a normalized path.
   *
   * @param path a path starting with {@code /}, already normalized by crawler-commons
   * @return the folded path: {@code /} for the root, otherwise without a trailing slash
   */
  static String canonical(String path) {
    String withoutSession = path.indexOf(';') < 0 ? path : SESSION_ID.matcher(path).replaceAll("");
    List<String> segments = new ArrayList<>();
    for (String segment : withoutSession.split("/")) {
      if (!segment.isEmpty() && !segment.equalsIgnoreCase("amp")) {
        segments.add(segment);
      }
    }
    if (!segments.isEmpty()) {
      int last = segments.size() - 1;
      String file = stripAmpSuffix(segments.get(last));
      if (file.isEmpty() || INDEX_PAGES.contains(file.toLowerCase(Locale.ROOT))) {
        segments.remove(last);
      } else {
        segments.set(last, file);
      }
    }
    dropSlugAfterId(segments);
    return "/" + String.join("/", segments);
  }

  /** {@code story.amp} -> {@code story}, {@code story.amp.html} -> {@code story.html}. */
  private static String stripAmpSuffix(String file) {
    String lower = file.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".amp")) {
      return file.substring(0, file.length() - 4);
    }
    int ampDot = lower.lastIndexOf(".amp.");
    if (ampDot > 0 && lower.indexOf('.', ampDot + 5) < 0) {
      return file.substring(0, ampDot) + file.substring(ampDot + 4);
    }
    return file;
  }

  /**
   * {@code /articles/1281930/amazon-blocks-facial-recognition} -> {@code /articles/1281930}: when
   * the last segment is a slug after a numeric id, the id names the article and the slug only
   * decorates it (the AMP form often leaves the slug out).
   */
  private static void dropSlugAfterId(List<String> segments) {
    int n = segments.size();
    if (n >= 2
        && ARTICLE_ID.matcher(segments.get(n - 2)).matches()
        && !DATE_FOLDER.matcher(segments.get(n - 2)).matches()
        && SLUG.matcher(segments.get(n - 1)).matches()) {
      segments.remove(n - 1);
    }
  }
}
