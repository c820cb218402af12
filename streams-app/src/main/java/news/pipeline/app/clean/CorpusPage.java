package news.pipeline.app.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One page of the WCXB corpus with its ground truth, as the benchmark and tests read it.
 *
 * @param id file id, e.g. {@code 0042}
 * @param url the URL the page was fetched from
 * @param pageType the annotated type ({@code article}, {@code product}, ...)
 * @param html the page source
 * @param title gold title or null
 * @param author gold author string or null
 * @param publishDate gold date as {@code YYYY-MM-DD} or null
 * @param mainContent gold main text, or null when the annotation has none
 */
public record CorpusPage(String id, String url, String pageType, String html, String title,
    String author, String publishDate, String mainContent) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads {@code ground-truth/ID.json} and {@code html/ID.html.gz} (or {@code .html}). */
  public static CorpusPage read(Path groundTruth, Path htmlFile) throws IOException {
    JsonNode root = MAPPER.readTree(groundTruth.toFile());
    JsonNode gt = root.path("ground_truth");
    byte[] bytes;
    try (InputStream in = Files.newInputStream(htmlFile)) {
      bytes = htmlFile.toString().endsWith(".gz") ? new GZIPInputStream(in).readAllBytes()
          : in.readAllBytes();
    }
    return new CorpusPage(
        root.path("file_id").asText(groundTruth.getFileName().toString().replace(".json", "")),
        textOrNull(root.get("url")),
        root.path("_internal").path("page_type").path("primary").asText("unknown"),
        Charsets.decode(bytes, null),
        textOrNull(gt.get("title")),
        textOrNull(gt.get("author")),
        textOrNull(gt.get("publish_date")),
        textOrNull(gt.get("main_content")));
  }

  public boolean isArticle() {
    return "article".equals(pageType);
  }

  private static String textOrNull(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
