package news.pipeline.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import news.pipeline.app.clean.BenchmarkTally;
import news.pipeline.app.clean.BenchmarkTally.Prediction;
import news.pipeline.app.clean.CorpusPage;
import news.pipeline.app.clean.ExtractionScore;
import news.pipeline.app.clean.QualityBenchmark;

/**
 * Runs this project's cleaner, Readability4J and boilerpipe over every page of the WCXB dev split
 * in one run and prints each one's scores: text word and shingle F1, title, author and date
 * accuracy, non-article pages flagged, and pages per second on one thread after a warm-up
 * (wall clock), with the CPU time per page of that thread, which other load moves less.
 *
 * <p>All pages are read into memory first, so reading and gunzipping are not timed. The
 * extractors take turns page by page, so a machine busy with other work slows all of them alike.
 *
 * <pre>{@code
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -Xmx2g -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
 *     news.pipeline.benchmarks.CleanerComparison ../shared/corpus/wcxb-dev
 * }</pre>
 *
 * <p>Options after the corpus folder: {@code --warmup N} pages (default 300), {@code --ours-only}
 * (skip the other extractors), {@code --details FILE} (one TSV line per page for this project's
 * cleaner, for looking at failures), {@code --halves} (this project's scores also on the
 * even-numbered and the odd-numbered pages apart: rules are developed on one half and checked on
 * the other).
 */
public final class CleanerComparison {

  private CleanerComparison() {}

  public static void main(String[] args) throws IOException {
    // Readability4J logs every page it cannot post-process; the failures are counted instead
    System.setProperty("log4j2.level", "OFF");
    Path corpus = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0]
        : "../shared/corpus/wcxb-dev");
    int warmup = 300;
    boolean oursOnly = false;
    Path details = null;
    boolean halves = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--ours-only" -> oursOnly = true;
        case "--details" -> details = Path.of(args[++i]);
        case "--halves" -> halves = true;
        default -> { }
      }
    }
    List<CorpusPage> pages = load(corpus);
    if (pages == null) {
      System.exit(2);
      return;
    }
    HtmlCleanerExtractor ours = new HtmlCleanerExtractor();
    ReadabilityExtractor readability = new ReadabilityExtractor();
    BoilerpipeExtractor boilerpipe = new BoilerpipeExtractor();
    List<Extractor> extractors = oursOnly ? List.of(ours) : List.of(ours, readability, boilerpipe);
    for (int i = 0; i < Math.min(warmup, pages.size()); i++) {
      for (Extractor e : extractors) {
        e.extract(pages.get(i));
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<BenchmarkTally> tallies = new ArrayList<>();
    extractors.forEach(e -> tallies.add(new BenchmarkTally(e.name(), e.readsDates())));
    BenchmarkTally even = new BenchmarkTally(ours.name() + ", even-numbered pages", true);
    BenchmarkTally odd = new BenchmarkTally(ours.name() + ", odd-numbered pages", true);
    try (PrintWriter out = details == null ? null
        : new PrintWriter(Files.newBufferedWriter(details, StandardCharsets.UTF_8))) {
      if (out != null) {
        out.println("id\ttype\tisArticle\twordF1\tgoldTitle\ttitle\tgoldAuthor\tauthors\tgoldDate\tdate");
      }
      for (int n = 0; n < pages.size(); n++) {
        CorpusPage page = pages.get(n);
        for (int i = 0; i < extractors.size(); i++) {
          long cpu0 = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          Prediction p = extractors.get(i).extract(page);
          tallies.get(i).time(System.nanoTime() - t0, threads.getCurrentThreadCpuTime() - cpu0);
          tallies.get(i).add(page, p);
          if (i == 0 && out != null) {
            out.println(detail(page, p));
          }
          if (i == 0 && halves) {
            (isEven(page) ? even : odd).add(page, p);
          }
        }
        if ((n + 1) % 250 == 0) {
          System.err.printf(Locale.ROOT, "%d/%d pages%n", n + 1, pages.size());
        }
      }
    }
    print(System.out, corpus, pages.size(), warmup, tallies);
    if (halves) {
      System.out.println();
      even.print(System.out);
      odd.print(System.out);
    }
    if (!oursOnly) {
      System.out.printf(Locale.ROOT, "Readability4J threw on %d pages, boilerpipe on %d"
          + " (scored as empty output)%n", readability.failures, boilerpipe.failures);
    }
  }

  private static List<CorpusPage> load(Path corpus) throws IOException {
    List<Path> truths = QualityBenchmark.groundTruthFiles(corpus, System.err);
    if (truths == null) {
      return null;
    }
    List<CorpusPage> pages = new ArrayList<>();
    for (Path truth : truths) {
      CorpusPage page = QualityBenchmark.readPage(corpus, truth);
      if (page != null) {
        pages.add(page);
      }
    }
    return pages;
  }

  private static void print(PrintStream out, Path corpus, int pages, int warmup,
      List<BenchmarkTally> tallies) {
    out.printf(Locale.ROOT, "WCXB dev split (Murrough-Foley 2026, CC-BY-4.0): %s, %d pages,"
        + " warm-up %d pages, Java %s%n%n", corpus, pages, warmup, Runtime.version());
    tallies.forEach(t -> t.print(out));
    out.println();
    out.println(BenchmarkTally.markdownHeader());
    tallies.forEach(t -> out.println(t.markdownRow()));
    out.println();
    BenchmarkTally ours = tallies.get(0);
    for (BenchmarkTally other : tallies.subList(1, tallies.size())) {
      out.printf(Locale.ROOT, "%s against %s: %.2fx the pages/s; CPU per page %.1f against"
          + " %.1f ms (%.2fx as fast)%n", ours.name(), other.name(),
          ours.pagesPerSecond() / other.pagesPerSecond(), ours.cpuMillisPerPage(),
          other.cpuMillisPerPage(), other.cpuMillisPerPage() / ours.cpuMillisPerPage());
    }
  }

  /** Whether the page's number (its file id, e.g. 0042) is even; ids that are not numbers are odd. */
  private static boolean isEven(CorpusPage page) {
    try {
      return Integer.parseInt(page.id()) % 2 == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String detail(CorpusPage page, Prediction p) {
    double f1 = page.mainContent() == null ? -1
        : ExtractionScore.words(p.text(), page.mainContent()).f1();
    return String.join("\t", page.id(), page.pageType(), String.valueOf(p.isArticle()),
        String.format(Locale.ROOT, "%.3f", f1), tsv(page.title()), tsv(p.title()),
        tsv(page.author()), tsv(p.authors() == null ? null : String.join("; ", p.authors())),
        tsv(page.publishDate()), tsv(p.date()));
  }

  private static String tsv(String s) {
    return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ");
  }
}
