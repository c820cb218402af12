package news.pipeline.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import news.pipeline.app.clean.CleanedPage;
import news.pipeline.app.clean.CorpusPage;
import news.pipeline.app.clean.HtmlCleaner;
import news.pipeline.app.clean.QualityBenchmark;

/**
 * Checks that a change to the cleaner keeps its output, and times it alone: cleans every WCXB
 * page and writes one line per page, its id and a SHA-256 of the whole {@link CleanedPage}
 * (text, title, authors, dates, URLs, language, excerpt, isArticle), so two runs compare with
 * {@code diff}; with {@code --dump FILE} also every page's fields in full, to see what changed.
 * {@code --repeat N} cleans the corpus N more times after the digest pass and prints the CPU
 * time per page; it is the driver to profile with {@code -XX:StartFlightRecording}.
 *
 * <pre>{@code
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
 *     news.pipeline.benchmarks.CleanerDigest ../shared/corpus/wcxb-dev digests.tsv --repeat 3
 * }</pre>
 */
public final class CleanerDigest {

  private CleanerDigest() {}

  public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
    Path corpus = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int repeat = 0;
    Path dump = null;
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        case "--dump" -> dump = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<CorpusPage> pages = new ArrayList<>();
    for (Path truth : QualityBenchmark.groundTruthFiles(corpus, System.err)) {
      CorpusPage page = QualityBenchmark.readPage(corpus, truth);
      if (page != null) {
        pages.add(page);
      }
    }
    HtmlCleaner cleaner = new HtmlCleaner();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (PrintWriter digests = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
        PrintWriter full = dump == null ? null
            : new PrintWriter(Files.newBufferedWriter(dump, StandardCharsets.UTF_8))) {
      for (CorpusPage page : pages) {
        String whole = cleaner.clean(page.html(), page.url()).toString();
        byte[] hash = sha.digest(whole.getBytes(StandardCharsets.UTF_8));
        digests.println(page.id() + "\t" + HexFormat.of().formatHex(hash));
        if (full != null) {
          full.println(page.id() + "\t" + whole.replace("\n", "\\n"));
        }
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= repeat; round++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      int sink = 0;
      for (CorpusPage page : pages) {
        CleanedPage cleaned = cleaner.clean(page.html(), page.url());
        sink += cleaned.text().length();
      }
      double cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / pages.size();
      double wallMs = (System.nanoTime() - wall0) / 1e6 / pages.size();
      System.out.printf(Locale.ROOT, "round %d: %.2f ms CPU/page, %.2f ms wall/page (%d)%n",
          round, cpuMs, wallMs, sink);
    }
  }
}
