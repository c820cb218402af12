package news.pipeline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CleanCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROSE = "The council voted on Tuesday to expand the bus network, adding"
      + " three routes, longer hours and a night service that residents had asked for. ";
  private static final String PAGE = "<!doctype html><html lang=\"en\"><head>"
      + "<title>Council expands the bus network | Example News</title>"
      + "<meta property=\"og:site_name\" content=\"Example News\">"
      + "<link rel=\"canonical\" href=\"/news/bus\">"
      + "<meta property=\"article:published_time\" content=\"2020-06-10T09:00:00Z\">"
      + "</head><body><nav><a href=\"/\">Home</a></nav><article><h1>Council expands the bus network</h1>"
      + "<p class=\"byline\">By Jane Doe</p>"
      + paragraphs(5) + "</article></body></html>";

  private static String paragraphs(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      sb.append("<p>").append(i == 1 ? "" : "Paragraph " + i + ". ").append(PROSE).append(PROSE)
          .append("</p>");
    }
    return sb.toString();
  }

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = PipelineCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private List<JsonNode> lines() throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }

  @Test
  void printsOneJsonObjectPerFileWithEveryField() throws IOException {
    Path page = Files.writeString(dir.resolve("bus.html"), PAGE);

    int code = run("clean", "--url", "https://example.com/news/bus?utm=x", page.toString());

    assertThat(code).isZero();
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(1);
    JsonNode n = lines.get(0);
    assertThat(n.fieldNames()).toIterable().containsExactly("file", "url", "isArticle", "title",
        "authors", "publishedAt", "modifiedAt", "canonicalUrl", "aliasUrls", "siteName",
        "language", "excerpt", "text", "wordCount");
    assertThat(n.get("url").asText()).isEqualTo("https://example.com/news/bus?utm=x");
    assertThat(n.get("title").asText()).isEqualTo("Council expands the bus network");
    assertThat(n.get("authors").get(0).asText()).isEqualTo("Jane Doe");
    assertThat(n.get("publishedAt").asText()).isEqualTo("2020-06-10T09:00:00Z");
    assertThat(n.get("canonicalUrl").asText()).isEqualTo("https://example.com/news/bus");
    assertThat(n.get("language").asText()).isEqualTo("en");
    assertThat(n.get("isArticle").asBoolean()).isTrue();
    assertThat(n.get("text").asText()).startsWith("The council voted").doesNotContain("Home");
    assertThat(n.get("wordCount").asInt()).isGreaterThan(200);
  }

  @Test
  void readsAFolderWithUrlsTsvGzippedPagesAndTextDumps() throws IOException {
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("a.html.gz")))) {
      gz.write(PAGE.getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("b.txt"), "Skip to main content\nHome\nNews\n"
        + "Council expands the bus network\nBy Jane Doe\n" + (PROSE + "\n").repeat(4)
        + "© 2020 Example Media. All rights reserved.\n");
    Files.writeString(dir.resolve("urls.tsv"), "a.html.gz\thttps://example.com/news/bus\n");

    int code = run("clean", dir.toString());

    assertThat(code).isZero();
    List<JsonNode> lines = lines();
    assertThat(lines).extracting(n -> Path.of(n.get("file").asText()).getFileName().toString())
        .containsExactly("a.html.gz", "b.txt");
    assertThat(lines.get(0).get("url").asText()).isEqualTo("https://example.com/news/bus");
    assertThat(lines.get(0).get("title").asText()).isEqualTo("Council expands the bus network");
    assertThat(lines.get(1).get("url").isNull()).isTrue();
    assertThat(lines.get(1).get("title").asText()).isEqualTo("Council expands the bus network");
    assertThat(lines.get(1).get("text").asText()).doesNotContain("Skip to main content", "reserved");
  }

  @Test
  void aPageThatOpensWithAScriptBeforeItsDoctypeIsCleanedAsHtmlAsThePipelineWould() throws IOException {
    // a long loader script put before the doctype (some CDNs do), a comment as its first line
    String page = "\n<script type=\"a1b2-text/javascript\">\n// fill the source fields\n"
        + "document.querySelectorAll('input[name=\"source\"]').forEach(function(i) { i.value = 'Direct'; });\n".repeat(60)
        + "</script>\n" + PAGE;
    Files.writeString(dir.resolve("scripted.html"), page);
    Files.writeString(dir.resolve("scripted.txt"), page);

    assertThat(run("clean", dir.toString())).isZero();

    for (JsonNode line : lines()) {
      assertThat(line.get("title").asText()).as(line.get("file").asText()).isEqualTo("Council expands the bus network");
      assertThat(line.get("text").asText()).doesNotContain("<script").doesNotContain("fill the source fields");
    }
    assertThat(lines()).hasSize(2);
  }

  @Test
  void aMetadataRecordIsReadAsThePipelineReadsItWithItsRelatedArticles() throws IOException {
    Files.writeString(dir.resolve("record.txt"), """
        ---
        title: "Council expands the bus network"
        webUrl: "https://example.com/news/bus"
        ampWebUrl: "https://example.com/news/bus?outputType=amp"
        publishedAt: "2020-06-10T09:00:00Z"
        excerpt: "Three new routes and a night service."
        topics: ["Transport"]
        related:
          - title: "Night buses return"
            webUrl: "https://other.example.org/night-buses"
        ---
        """);
    Files.writeString(dir.resolve("broken.json"), "{\"related\": \"nothing\"}");

    assertThat(run("clean", dir.toString())).isEqualTo(1);

    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(2);
    JsonNode broken = lines.get(0);
    assertThat(broken.get("error").asText()).startsWith("metadata record rejected: ").contains("names no article");
    JsonNode record = lines.get(1);
    assertThat(record.get("title").asText()).isEqualTo("Council expands the bus network");
    assertThat(record.get("url").asText()).isEqualTo("https://example.com/news/bus");
    assertThat(record.get("publishedAt").asText()).isEqualTo("2020-06-10T09:00:00Z");
    assertThat(record.get("topics").get(0).asText()).isEqualTo("Transport");
    assertThat(record.get("related")).hasSize(1);
    assertThat(record.get("related").get(0).get("url").asText()).isEqualTo("https://other.example.org/night-buses");
    assertThat(record.get("related").get(0).get("title").asText()).isEqualTo("Night buses return");
  }

  @Test
  void aFileThatFailsIsAnErrorLineAndExitCodeOne() throws IOException {
    Path good = Files.writeString(dir.resolve("good.html"), PAGE);
    Path broken = Files.write(dir.resolve("broken.html.gz"), new byte[] {1, 2, 3});

    int code = run("clean", good.toString(), broken.toString(), dir.resolve("missing.html").toString());

    assertThat(code).isEqualTo(1);
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).has("error")).isFalse();
    assertThat(lines.get(1).get("error").asText()).startsWith("cannot read");
    assertThat(lines.get(2).get("error").asText()).isEqualTo("no such file");
  }

  @Test
  void urlWithAFolderIsRefused() {
    assertThat(run("clean", "--url", "https://example.com/", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("urls.tsv");
  }
}
