package news.pipeline.app.clean;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Cleans a page saved as a file: gunzips {@code .gz} files, decodes the charset (BOM, meta,
 * detection), then sends HTML to {@link HtmlCleaner} and anything else to {@link
 * TextDumpCleaner}.
 *
 * <pre>{@code
 * CleanedPage page = new FileCleaner().clean(Path.of("story.html.gz"), "https://example.com/s");
 * }</pre>
 */
public final class FileCleaner {

  private static final Pattern HTML_START = Pattern.compile(
      "(?is)^\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html|head|body)\\b");
  private static final Pattern HTML_TAGS =
      Pattern.compile("(?i)<(?:p|div|article|br|span|a\\s+href)\\b[^>]*>");
  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  private final HtmlCleaner html = new HtmlCleaner();
  private final TextDumpCleaner text = new TextDumpCleaner();

  /** Reads and cleans one file; {@code url} (may be null) resolves relative links. */
  public CleanedPage clean(Path file, String url) throws IOException {
    String content = Charsets.decode(read(file), null);
    return looksLikeHtml(content) ? html.clean(content, url) : text.clean(content);
  }

  /** The file's bytes, gunzipped when the name ends in {@code .gz}. */
  static byte[] read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
        try (InputStream gz = new GZIPInputStream(in)) {
          return gz.readAllBytes();
        }
      }
      return in.readAllBytes();
    }
  }

  /** Whether a document is HTML: starts like a page, or carries several block or link tags. */
  static boolean looksLikeHtml(String content) {
    String head = content.length() > 4096 ? content.substring(0, 4096) : content;
    if (HTML_START.matcher(head.replace("\uFEFF", "")).find()) {
      return true;
    }
    Matcher m = HTML_TAGS.matcher(head);
    int tags = 0;
    while (m.find() && tags < 3) {
      tags++;
    }
    return tags >= 3;
  }

  /** Words in a text, counted as the benchmarks count them ({@code \w+} runs). */
  public static int wordCount(String text) {
    if (text == null) {
      return 0;
    }
    Matcher m = WORD.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
