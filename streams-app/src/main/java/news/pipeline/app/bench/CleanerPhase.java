package news.pipeline.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import news.pipeline.app.bench.BenchResult.Rate;
import news.pipeline.app.clean.HtmlCleaner;
import news.pipeline.app.parse.MetadataRecordParser;

/**
 * The cleaner alone on the bench's documents, with as many threads as the pipeline cleans on
 * ({@link BenchOptions#cleanerThreads()}): {@link HtmlCleaner} for pages, the metadata record parser for records. Documents are
 * generated in chunks outside the timed part; only the cleaning of each chunk, spread over the
 * threads, is timed (wall clock), and the CPU time of the cleaning threads is summed.
 */
final class CleanerPhase {

  private static final int CHUNK = 32;
  /** The results are used, so that the JIT cannot drop the cleaning as dead code. */
  private static final AtomicLong KEPT = new AtomicLong();

  private final BenchOptions options;
  private final BenchDocuments documents;
  private final PrintStream err;
  private double cpuSeconds;

  CleanerPhase(BenchOptions options, BenchDocuments documents, PrintStream err) {
    this.options = options;
    this.documents = documents;
    this.err = err;
  }

  /** Cleans documents {@code from} to {@code to}, untimed: a warm-up round ({@link WarmUp}). */
  void warmUp(long from, long to) throws Exception {
    clean(from, to);
  }

  /** Cleans every document; timed. {@link #cpuSeconds()} then holds the cleaning threads' CPU time. */
  Rate run(long totalBytes) throws Exception {
    err.printf(Locale.ROOT, "cleaner alone: %,d documents on %d thread(s) ...%n", options.docs(), options.cleanerThreads());
    Timing timing = clean(0, options.docs());
    cpuSeconds = timing.cpuNanos() / 1e9;
    Rate rate = new Rate("cleaner alone", options.docs(), totalBytes, timing.wallNanos() / 1e9);
    err.printf(Locale.ROOT, "cleaner alone: %,.0f docs/s%n", rate.docsPerSecond());
    return rate;
  }

  /** CPU time of the cleaning threads in the last {@link #run}, summed. */
  double cpuSeconds() {
    return cpuSeconds;
  }

  /** Wall time of the cleaning (generation excluded) and CPU time summed over the threads. */
  private record Timing(long wallNanos, long cpuNanos) {}

  private Timing clean(long from, long to) throws Exception {
    int threads = options.cleanerThreads();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long wall = 0;
      AtomicLong cpu = new AtomicLong();
      for (long chunk = from; chunk < to; chunk += CHUNK) {
        List<BenchDocuments.Page> pages = new ArrayList<>();
        for (long i = chunk; i < Math.min(to, chunk + CHUNK); i++) {
          pages.add(documents.page(i));
        }
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int first = t;
          futures.add(pool.submit(() -> cpu.addAndGet(cleanEvery(pages, first, threads))));
        }
        for (Future<?> f : futures) {
          f.get();
        }
        wall += System.nanoTime() - started;
      }
      return new Timing(wall, cpu.get());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Cleans pages {@code first}, {@code first + step}, ... on the calling thread.
   *
   * @return the calling thread's CPU time spent, in nanoseconds
   */
  private static long cleanEvery(List<BenchDocuments.Page> pages, int first, int step) {
    long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    HtmlCleaner cleaner = new HtmlCleaner();
    MetadataRecordParser parser = new MetadataRecordParser(Integer.MAX_VALUE);
    long kept = 0;
    for (int i = first; i < pages.size(); i += step) {
      BenchDocuments.Page page = pages.get(i);
      kept += switch (page.type()) {
        case HTML -> cleaner.clean(page.text(), page.url()).text() == null ? 0 : 1;
        case FRONT_MATTER -> parser.frontMatter(page.text()).isRejected() ? 0 : 1;
        case JSON -> parser.json(page.text()).isRejected() ? 0 : 1;
        default -> 0;
      };
    }
    KEPT.addAndGet(kept);
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart;
  }
}
