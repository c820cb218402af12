package news.pipeline.app.clean;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import news.pipeline.avro.ContentType;
import news.pipeline.producer.detect.ContentTypeDetector;

/**
 * Cleans a page saved as a file: gunzips {@code .gz} files, decodes the charset (BOM, meta,
 * detection), then sends HTML to {@link HtmlCleaner} and anything else to {@link
 * TextDumpCleaner}. What is HTML is told as the pipeline tells it ({@link ContentTypeDetector}:
 * the first tag, after comments; the file name when the content says nothing), so that a page
 * cleans the same here and in the pipeline.
 *
 * <pre>{@code
 * byte[] bytes = FileCleaner.read(file);
 * CleanedPage page = new FileCleaner().clean(bytes, FileCleaner.type(file, bytes), "https://example.com/s");
 * }</pre>
 */
public final class FileCleaner {

  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  private final HtmlCleaner html = new HtmlCleaner();
  private final TextDumpCleaner text = new TextDumpCleaner();

  /**
   * Cleans a file's bytes of the given type: HTML as a page, anything else as a text dump;
   * {@code url} (may be null) resolves relative links.
   */
  public CleanedPage clean(byte[] bytes, ContentType type, String url) {
    String content = Charsets.decode(bytes, null);
    return type == ContentType.HTML ? html.clean(content, url) : text.clean(content);
  }

  /** What a file is, as the pipeline tells it from its bytes, with the name as a tie-breaker. */
  public static ContentType type(Path file, byte[] bytes) {
    return ContentTypeDetector.detect(file.getFileName().toString(), bytes);
  }

  /** The file's bytes, gunzipped when the name ends in {@code .gz}. */
  public static byte[] read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
        try (InputStream gz = new GZIPInputStream(in)) {
          return gz.readAllBytes();
        }
      }
      return in.readAllBytes();
    }
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
