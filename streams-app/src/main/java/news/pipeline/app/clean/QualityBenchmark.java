package news.pipeline.app.clean;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures {@link HtmlCleaner} against the WCXB development split: word F1, shingle F1, title,
 * date and page-type accuracy, over article pages and over all pages.
 *
 * <pre>{@code
 * java -cp ... news.pipeline.app.clean.QualityBenchmark ../shared/corpus/wcxb-dev
 * }</pre>
 */
public final class QualityBenchmark {

  private QualityBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/wcxb-dev");
    List<Path> truths = groundTruthFiles(corpus, System.err);
    if (truths == null) {
      System.exit(2);
      return;
    }
    HtmlCleaner cleaner = new HtmlCleaner();
    BenchmarkTally tally = new BenchmarkTally("HtmlCleaner", true);
    int done = 0;
    for (Path truth : truths) {
      CorpusPage page = readPage(corpus, truth);
      if (page != null) {
        CleanedPage cleaned = cleaner.clean(page.html(), page.url());
        tally.add(page, prediction(cleaned));
      }
      if (++done % 100 == 0) {
        System.err.printf(Locale.ROOT, "%d/%d pages%n", done, truths.size());
      }
    }
    tally.print(System.out);
  }

  /** The sorted ground-truth files, or null (with a message) when the corpus is missing. */
  public static List<Path> groundTruthFiles(Path corpus, PrintStream err) throws IOException {
    Path gt = corpus.resolve("ground-truth");
    if (!Files.isDirectory(gt) || !Files.isDirectory(corpus.resolve("html"))) {
      err.println("No WCXB corpus at " + corpus.toAbsolutePath().normalize()
          + " (expected ground-truth/ and html/ folders). Pass its path as the first argument,"
          + " e.g. ../shared/corpus/wcxb-dev");
      return null;
    }
    try (Stream<Path> files = Files.list(gt)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** Reads one page; prints and skips pages whose files are missing or unreadable. */
  public static CorpusPage readPage(Path corpus, Path truth) {
    String id = truth.getFileName().toString().replace(".json", "");
    Path html = corpus.resolve("html").resolve(id + ".html.gz");
    try {
      return CorpusPage.read(truth, html);
    } catch (IOException e) {
      System.err.println("skipping page=" + id + " reason=" + e.getMessage());
      return null;
    }
  }

  /** The publication date as {@code YYYY-MM-DD} in the page's own offset, or null. */
  public static String publishedDate(CleanedPage page) {
    return page.publishedDate() == null ? null : page.publishedDate().toString();
  }

  /** What the cleaner said about a page, as the benchmark scores it. */
  public static BenchmarkTally.Prediction prediction(CleanedPage page) {
    return new BenchmarkTally.Prediction(page.text(), page.title(), page.authors(),
        publishedDate(page), page.isArticle());
  }
}
