package news.pipeline.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import news.pipeline.app.clean.Charsets;
import news.pipeline.app.clean.CleanedPage;
import news.pipeline.app.clean.FileCleaner;
import news.pipeline.app.parse.ArticleDraft;
import news.pipeline.app.parse.MetadataRecordParser;
import news.pipeline.app.parse.ParseResult;
import news.pipeline.avro.ContentType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./pipeline clean FILE... | DIR}: the cleaner offline, one JSON object per input file on
 * stdout (JSON Lines). A file that cannot be read or cleaned gives {@code {"file":...,
 * "error":...}} and exit code 1; the other files are still cleaned.
 */
@Command(name = "clean", mixinStandardHelpOptions = true,
    description = {
      "Cleans saved pages offline: prints one JSON object per file (JSON Lines) with the article text and metadata.",
      "HTML (also .html.gz) goes through the HTML cleaner, metadata records (YAML front matter, JSON) through the"
          + " record parser (the main article, its topics and its related articles), anything else through the"
          + " plain-text dump cleaner, as in the pipeline.",
      "A folder is read file by file (not recursively); its urls.tsv (file name, TAB, URL) gives each page's URL."
    })
final class CleanCommand implements Callable<Integer> {

  static final String URLS_FILE = "urls.tsv";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Pages to clean, or folders of pages.")
  List<Path> inputs;

  @Option(names = "--url", paramLabel = "URL",
      description = "The URL the (single) file was fetched from; resolves relative links and canonical URLs.")
  String url;

  @Override
  public Integer call() {
    if (url != null && (inputs.size() != 1 || Files.isDirectory(inputs.get(0)))) {
      throw new ParameterException(spec.commandLine(),
          "--url goes with exactly one file; for a folder, put a urls.tsv (file name, TAB, URL) in it");
    }
    PrintWriter out = spec.commandLine().getOut();
    FileCleaner cleaner = new FileCleaner();
    boolean failed = false;
    for (Path input : inputs) {
      for (Job job : jobs(input)) {
        ObjectNode line = run(cleaner, job);
        failed |= line.has("error");
        out.println(line.toString());
      }
    }
    out.flush();
    return failed ? 1 : 0;
  }

  /** One file to clean, with its URL if known; {@code error} set when it cannot even be listed. */
  record Job(Path file, String url, String error) {}

  private List<Job> jobs(Path input) {
    if (!Files.isDirectory(input)) {
      return List.of(new Job(input, url, Files.exists(input) ? null : "no such file"));
    }
    List<Job> jobs = new ArrayList<>();
    try {
      Map<String, String> urls = readUrls(input.resolve(URLS_FILE));
      try (Stream<Path> files = Files.list(input)) {
        files.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().equals(URLS_FILE))
            .filter(p -> !p.getFileName().toString().startsWith("."))
            .sorted()
            .forEach(p -> jobs.add(new Job(p, urls.get(p.getFileName().toString()), null)));
      }
    } catch (IOException | UncheckedIOException e) {
      jobs.add(new Job(input, null, "cannot list folder: " + e.getMessage()));
    }
    return jobs;
  }

  /** {@code urls.tsv}: one {@code name<TAB>url} per line; blank lines and {@code #} comments skipped. */
  static Map<String, String> readUrls(Path tsv) throws IOException {
    Map<String, String> urls = new HashMap<>();
    if (!Files.isRegularFile(tsv)) {
      return urls;
    }
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t", 2);
      if (parts.length == 2 && !line.isBlank() && !line.startsWith("#")) {
        urls.put(parts[0].strip(), parts[1].strip());
      }
    }
    return urls;
  }

  private static ObjectNode run(FileCleaner cleaner, Job job) {
    ObjectNode node = JSON.createObjectNode();
    node.put("file", job.file().toString());
    if (job.error() != null) {
      return node.put("error", job.error());
    }
    try {
      byte[] bytes = FileCleaner.read(job.file());
      ContentType type = FileCleaner.type(job.file(), bytes);
      if (type == ContentType.FRONT_MATTER || type == ContentType.JSON) {
        return metadataRecord(node, job.url(), bytes, type);
      }
      return toJson(node, job.url(), cleaner.clean(bytes, type, job.url()));
    } catch (IOException | UncheckedIOException e) {
      return node.put("error", "cannot read: " + e.getMessage());
    } catch (RuntimeException e) {
      // a bug in the cleaner: reported for this file, the others still run
      return node.put("error", "cleaner failed: " + e);
    }
  }

  /**
   * A metadata record (YAML front matter or JSON), read as the pipeline reads it: its main
   * article's fields, with its topics, and the related articles it lists under {@code related};
   * a record the pipeline would reject is an error line with the rejection's reason.
   */
  private static ObjectNode metadataRecord(ObjectNode node, String url, byte[] bytes, ContentType type) {
    String text = Charsets.decode(bytes, null);
    MetadataRecordParser parser = new MetadataRecordParser(Math.max(text.length(), 1));
    ParseResult parsed = type == ContentType.JSON ? parser.json(text) : parser.frontMatter(text);
    if (parsed.isRejected()) {
      return node.put("error", "metadata record rejected: " + parsed.rejection().reason());
    }
    List<ArticleDraft> drafts = parsed.drafts();
    ArticleDraft main = drafts.get(0);
    toJson(node, url != null ? url : main.urls().isEmpty() ? null : main.urls().get(0), main.page());
    ArrayNode topics = node.putArray("topics");
    main.topics().forEach(topics::add);
    ArrayNode related = node.putArray("related");
    for (ArticleDraft draft : drafts.subList(1, drafts.size())) {
      ObjectNode item = related.addObject();
      item.put("url", draft.urls().isEmpty() ? null : draft.urls().get(0));
      item.put("title", draft.page().title());
      item.put("publishedAt", draft.page().publishedAt() == null ? null : draft.page().publishedAt().toString());
      item.put("excerpt", draft.page().excerpt());
    }
    return node;
  }

  static ObjectNode toJson(ObjectNode node, String url, CleanedPage page) {
    node.put("url", url);
    node.put("isArticle", page.isArticle());
    node.put("title", page.title());
    ArrayNode authors = node.putArray("authors");
    page.authors().forEach(authors::add);
    node.put("publishedAt", page.publishedAt() == null ? null : page.publishedAt().toString());
    node.put("modifiedAt", page.modifiedAt() == null ? null : page.modifiedAt().toString());
    node.put("canonicalUrl", page.canonicalUrl());
    ArrayNode aliases = node.putArray("aliasUrls");
    page.aliasUrls().forEach(aliases::add);
    node.put("siteName", page.siteName());
    node.put("language", page.language());
    node.put("excerpt", page.excerpt());
    node.put("text", page.text());
    node.put("wordCount", FileCleaner.wordCount(page.text()));
    return node;
  }
}
