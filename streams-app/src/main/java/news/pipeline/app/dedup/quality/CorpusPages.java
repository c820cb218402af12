package news.pipeline.app.dedup.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads the WCXB development split ({@code ground-truth/NNNN.json}, {@code html/NNNN.html.gz}) for
 * the quality set: the page as fetched (bytes, untouched) and its gold URL, title, text and type.
 * Pages without a URL, title or text are left out.
 */
final class CorpusPages {

  /** One usable page; {@code html} is null for pages read only for their text. */
  record Page(String id, String url, String type, String title, String text, byte[] html) {
    boolean isArticle() {
      return "article".equals(type);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private CorpusPages() {}

  /**
   * The corpus pages in file order, or empty when {@code dir} has no {@code ground-truth/} and
   * {@code html/} folders.
   *
   * @param withHtml whether to read the HTML of article pages (other pages are read for text only)
   */
  static Optional<List<Page>> read(Path dir, boolean withHtml) {
    Path truths = dir.resolve("ground-truth");
    if (!Files.isDirectory(truths) || !Files.isDirectory(dir.resolve("html"))) {
      return Optional.empty();
    }
    List<Page> pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(truths)) {
      for (Path truth : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        page(dir, truth, withHtml).ifPresent(pages::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(pages);
  }

  private static Optional<Page> page(Path dir, Path truth, boolean withHtml) throws IOException {
    JsonNode root = JSON.readTree(truth.toFile());
    JsonNode gold = root.path("ground_truth");
    String id = truth.getFileName().toString().replace(".json", "");
    String url = text(root.get("url"));
    String title = text(gold.get("title"));
    String body = text(gold.get("main_content"));
    String type = root.path("_internal").path("page_type").path("primary").asText("unknown");
    if (url == null || title == null || title.isBlank() || body == null || body.isBlank()) {
      return Optional.empty();
    }
    byte[] html = null;
    Path file = dir.resolve("html").resolve(id + ".html.gz");
    if (withHtml && "article".equals(type)) {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        html = in.readAllBytes();
      }
    }
    return Optional.of(new Page(id, url, type, title.strip(), body, html));
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
