package news.pipeline.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import news.pipeline.app.clean.BenchmarkTally;
import news.pipeline.app.clean.CleanedPage;
import news.pipeline.app.clean.CorpusPage;
import news.pipeline.app.clean.HtmlCleaner;
import news.pipeline.app.clean.QualityBenchmark;

/**
 * Runs {@link HtmlCleaner} and Readability4J over every page of the WCXB dev split in one run and
 * prints both score tables (word F1, shingle F1, title, date, page type).
 *
 * <pre>{@code
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
 *     news.pipeline.benchmarks.CleanerComparison ../shared/corpus/wcxb-dev
 * }</pre>
 */
public final class CleanerComparison {

  private static int failures;

  private CleanerComparison() {}

  public static void main(String[] args) throws IOException {
    // Readability4J logs every page it cannot post-process; the failures are counted instead
    System.setProperty("log4j2.level", "OFF");
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/wcxb-dev");
    List<Path> truths = QualityBenchmark.groundTruthFiles(corpus, System.err);
    if (truths == null) {
      System.exit(2);
      return;
    }
    HtmlCleaner cleaner = new HtmlCleaner();
    BenchmarkTally ours = new BenchmarkTally("HtmlCleaner (this project)");
    BenchmarkTally readability = new BenchmarkTally("Readability4J 1.0.8", false);
    long oursNanos = 0;
    long theirsNanos = 0;
    int done = 0;
    for (Path truth : truths) {
      CorpusPage page = QualityBenchmark.readPage(corpus, truth);
      if (page != null) {
        long t0 = System.nanoTime();
        CleanedPage cleaned = cleaner.clean(page.html(), page.url());
        long t1 = System.nanoTime();
        ours.add(page, cleaned.text(), cleaned.title(), QualityBenchmark.publishedDate(cleaned),
            cleaned.isArticle());
        Article article = readability(page);
        theirsNanos += System.nanoTime() - t1;
        oursNanos += t1 - t0;
        readability.add(page, article == null ? "" : article.getTextContent(),
            article == null ? null : article.getTitle(), null, null);
      }
      if (++done % 100 == 0) {
        System.err.printf(Locale.ROOT, "%d/%d pages%n", done, truths.size());
      }
    }
    System.out.println("WCXB dev split (Murrough-Foley 2026, CC-BY-4.0): " + corpus);
    ours.print(System.out);
    System.out.printf(Locale.ROOT, "  time %.1f ms/page%n", oursNanos / 1e6 / Math.max(1, done));
    readability.print(System.out);
    System.out.printf(Locale.ROOT, "  time %.1f ms/page, %d pages threw%n",
        theirsNanos / 1e6 / Math.max(1, done), failures);
  }

  private static Article readability(CorpusPage page) {
    try {
      return new Readability4J(page.url() == null ? "" : page.url(), page.html()).parse();
    } catch (RuntimeException | StackOverflowError e) {
      System.err.println("readability4j failed page=" + page.id() + " reason=" + e);
      failures++;
      return null;
    }
  }
}
