package news.pipeline.app.bench;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineHome;
import news.pipeline.app.parse.ParseBudget;
import news.pipeline.app.run.WorkDirs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./pipeline bench}: the end-to-end benchmark of issue 8, on an embedded broker. Progress
 * goes to stderr, the figures to stdout.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {
      "Benchmarks the pipeline on an embedded Kafka broker: in one run and over the same documents, the raw broker",
      "pass-through, the cleaner alone and the full pipeline (throughput, end-to-end latency at half the rate,",
      "CPU, heap, dedup state per document), with the ratios."})
public final class BenchCommand implements Callable<Integer> {

  /** At most this many seconds of the latency phase are printed one by one. */
  private static final int MAX_SECONDS_SHOWN = 60;

  @Option(names = "--docs", defaultValue = "1000", description = "Documents to publish (default: ${DEFAULT-VALUE}).")
  int docs;

  @Option(names = "--threads", defaultValue = "1",
      description = "Stream threads per instance, and threads of the cleaner-alone run (times --instances) (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--parse-workers", paramLabel = "N",
      description = "Parse workers per stream thread, the app's parse.workers (default: its default in news-pipeline.properties).")
  Integer parseWorkers;

  @Option(names = "--instances", defaultValue = "1",
      description = "Kafka Streams instances in this JVM, each with its own state dir (default: ${DEFAULT-VALUE}).")
  int instances;

  @Option(names = "--partitions", defaultValue = "4", description = "Partitions of the raw topic (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--corpus", paramLabel = "DIR", defaultValue = PipelineHome.HOME_VARIABLE + "/../shared/corpus/wcxb-dev",
      description = "The WCXB dev split (html/, ground-truth/); generated pages when absent (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(names = "--pages", defaultValue = "0",
      description = "Use at most this many distinct corpus pages, 0 for all (default: ${DEFAULT-VALUE}).")
  int pages;

  @Option(names = "--metadata-only", description = "Publish metadata records only (YAML front matter and JSON, shaped like seed 001).")
  boolean metadataOnly;

  @Option(names = "--latency-seconds", defaultValue = "15",
      description = "How long to publish at half the measured rate for the latency figures (default: ${DEFAULT-VALUE}).")
  double latencySeconds;

  @Option(names = "--scaling",
      description = "Also run the pipeline with 1 thread, 2 threads and 2 instances of 1 thread, and print the table.")
  boolean scaling;

  @Option(names = "--warmup-docs", defaultValue = "300",
      description = "Documents of one warm-up round: the raw pass-through, the cleaner alone and the pipeline each"
          + " process rounds of them, untimed, right before their timed pass (default: ${DEFAULT-VALUE}).")
  int warmupDocs;

  @Option(names = "--warmup-rounds", defaultValue = "8",
      description = "At most this many warm-up rounds each; the warm-up stops earlier, after a round in which the JIT"
          + " compiled less than a fifth of the time (default: ${DEFAULT-VALUE}).")
  int warmupRounds;

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = PipelineHome.HOME_VARIABLE + "/.pipeline/bench",
      description = "Broker and state directory, wiped at start (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--timeout", defaultValue = "PT30M", description = "Give up a phase after this long (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter errWriter = spec.commandLine().getErr();
    int workers = parseWorkers != null ? parseWorkers : ConfigLoader.load(null, Map.of(), Map.of()).orThrow().parseWorkers();
    if (docs < 1 || threads < 1 || workers < 1 || instances < 1 || partitions < 1 || latencySeconds < 0 || warmupDocs < 0
        || warmupRounds < 1) {
      errWriter.println("--docs, --threads, --parse-workers, --instances, --partitions and --warmup-rounds must be at"
          + " least 1, --latency-seconds and --warmup-docs not negative");
      return 2;
    }
    PrintStream err = new PrintStream(new WriterOutputStream(errWriter), true, java.nio.charset.StandardCharsets.UTF_8);
    WorkDirs.wipe(dataDir);
    BenchOptions options = new BenchOptions(
        docs, threads, workers, instances, Math.max(partitions, threads * instances), corpus, pages, metadataOnly,
        latencySeconds, scaling, warmupDocs, warmupRounds, dataDir, timeout);
    BenchResult result = new PipelineBench(options, err).run();
    print(out, options, result);
    out.flush();
    return 0;
  }

  static void print(PrintWriter out, BenchOptions o, BenchResult r) {
    printSetup(out, o, r);
    out.printf(Locale.ROOT, "%-46s %9s %11s %9s%n", "", "seconds", "docs/s", "MB/s");
    row(out, "raw broker pass-through (consume + produce)", r.raw());
    row(out, "cleaner alone (" + o.cleanerThreads() + " thread(s))", r.cleaner());
    row(out, "full pipeline", r.pipeline().rate());
    printPipeline(out, r);
    printLatency(out, r.latency());
    printState(out, r.state());
    if (!r.scaling().isEmpty()) {
      out.println("scaling (same documents, fresh application id each):");
      for (BenchResult.PipelineRun run : r.scaling()) {
        out.printf(Locale.ROOT, "  %-26s %,9.1f docs/s %8.1f MB/s  stream-thread CPU %.1f s%n", run.label(),
            run.rate().docsPerSecond(), run.rate().megabytesPerSecond(), run.streamCpuSeconds());
      }
    }
    out.printf(Locale.ROOT, "ratios: pipeline / cleaner-alone %.2f, pipeline / raw %.3f%n",
        r.pipelineOverCleaner(), r.pipelineOverRaw());
    out.printf(Locale.ROOT, "  CPU per document: cleaner alone %.2f ms, stream threads %.2f ms; cleaner CPU / pipeline CPU %.2f"
        + " (the same comparison by CPU time, less sensitive to other load on the machine)%n",
        r.cleanerCpuSeconds() * 1000 / r.docs(), r.pipeline().streamCpuSeconds() * 1000 / r.docs(), r.cpuRatio());
  }

  private static void printSetup(PrintWriter out, BenchOptions o, BenchResult r) {
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf(Locale.ROOT, "bench: %,d documents, %.1f MB encoded: %s%n", r.docs(), r.bytes() / 1e6, r.documents());
    out.printf(Locale.ROOT, "  embedded broker, raw topic %d partitions, %d stream thread(s) x %d instance(s), %d parse"
        + " worker(s) per stream thread, exactly_once_v2, commit.interval.ms 100; %d cores, load average %.1f before,"
        + " %.1f after%n",
        o.partitions(), o.threads(), o.instances(), o.parseWorkers(), cores, r.loadBefore(), r.loadAfter());
    out.printf(Locale.ROOT, "  warm-up, untimed, right before each timed pass, in rounds of %,d documents until the JIT"
        + " compiled less than a fifth of a round's time (at most %d rounds): raw pass-through %d round(s), cleaner"
        + " alone %d, pipeline %d;"
        + " JIT compilation during the timed passes: cleaner alone %.1f s, full pipeline %.1f s (compiler threads,"
        + " wall clock)%n",
        Math.min(o.warmupDocs(), r.docs()), o.warmupRounds(), r.rawWarmupRounds(), r.cleanerWarmupRounds(),
        r.pipelineWarmupRounds(),
        r.cleanerJitSeconds(), r.pipeline().jitSeconds());
  }

  /** The main pass's CPU and heap, then where the stream threads' wall time went, per document. */
  private static void printPipeline(PrintWriter out, BenchResult r) {
    BenchResult.PipelineRun p = r.pipeline();
    out.printf(Locale.ROOT, "full pipeline: started in %.1f s (not counted); CPU %.1f s for the process (broker and clients"
        + " included, %.2f cores), %.1f s on stream threads (%.2f ms/doc, of which their parse workers %.2f;"
        + " the parse workers waited for work %.2f ms/doc, %.2f of it in %,d waits of %d ms or more; the stream"
        + " threads waited for %,d parses not finished yet, with %.1f other parses queued or running at each on"
        + " average);"
        + " heap peak %.0f MB (whole JVM, sampled), %.0f MB after GC at the end; garbage collections during the"
        + " pass %,d (%.2f s), %,d of them started by a humongous allocation (an object of half a G1 region or more;"
        + " young, mixed and full collections: the JVM does not report G1's concurrent cycles here)%n",
        p.startupSeconds(), p.processCpuSeconds(), p.processCpuSeconds() / p.rate().seconds(), p.streamCpuSeconds(),
        p.streamCpuSeconds() * 1000 / r.docs(), p.parse().workCpuNanos() / 1e6 / r.docs(),
        p.parse().idleNanos() / 1e6 / r.docs(), p.parse().longIdleNanos() / 1e6 / r.docs(),
        p.parse().longIdles(), ParseBudget.LONG_WAIT_NANOS / 1_000_000, p.parse().unfinishedAwaits(),
        p.parse().othersPerUnfinishedAwait(), p.heapPeakBytes() / 1e6,
        r.heapAfterGcBytes() / 1e6, p.gc().collections(), p.gc().seconds(), p.gc().humongous());
    BenchResult.TimeSpent t = p.time();
    out.printf(Locale.ROOT, "full pipeline: stream-thread wall time per document %.2f ms:", t.threadSeconds() * 1000 / r.docs());
    t.stages().forEach((stage, seconds) -> out.printf(Locale.ROOT, " %s %.2f,", stage.replace('_', '+'), seconds * 1000 / r.docs()));
    out.printf(Locale.ROOT, " blocked on Kafka %.2f (", t.blocked() * 1000 / r.docs());
    String sep = "";
    for (Map.Entry<String, Double> e : t.blockedParts().entrySet()) {
      out.printf(Locale.ROOT, "%s%s %.2f", sep, e.getKey(), e.getValue() * 1000 / r.docs());
      sep = ", ";
    }
    out.printf(Locale.ROOT, "), the rest %.2f (the Kafka Streams runtime and serdes, polls, waits for a core; the"
        + " stages are wall time from the pipeline's own timers, parse+clean being the wait for the parse worker)",
        t.rest() * 1000 / r.docs());
    t.onWorkers().forEach((stage, seconds) -> out.printf(Locale.ROOT,
        "; on the parse workers, inside that wait: %s %.2f", stage, seconds * 1000 / r.docs()));
    out.printf(Locale.ROOT, "%n");
  }

  private static void printLatency(PrintWriter out, BenchResult.Latency l) {
    out.printf(Locale.ROOT, "end-to-end latency at %.1f docs/s (half the measured rate), exactly-once: p50 %.0f ms,"
        + " p99 %.0f ms, max %.0f ms (%,d of %,d documents seen; raw record timestamp = send time -> a read_committed"
        + " consumer sees the decision, written in the canonical version's transaction)%n",
        l.targetRate(), l.p50Millis(), l.p99Millis(), l.maxMillis(), l.seen(), l.sent());
    if (!l.worstPerSecond().isEmpty()) {
      // where in the phase the slow documents were sent: a burst of heavy pages shows as a few
      // high seconds, a pipeline that cannot keep up as a climb
      StringBuilder worst = new StringBuilder();
      int shown = Math.min(l.worstPerSecond().size(), MAX_SECONDS_SHOWN);
      for (int i = 0; i < shown; i++) {
        long ms = l.worstPerSecond().get(i);
        worst.append(' ').append(ms < 0 ? "-" : Long.toString(ms));
      }
      out.printf(Locale.ROOT, "  the longest latency among the documents sent in each second of the latency phase, ms:%s%s%n",
          worst, l.worstPerSecond().size() > shown ? " ..." : "");
    }
  }

  private static void printState(PrintWriter out, BenchResult.StateSize s) {
    out.printf(Locale.ROOT, "dedup state: %.0f bytes per remembered document (target <= 512: %s): index %.0f bytes per"
        + " remembered document, articles %.0f bytes per live article (%,d documents, %,d live articles, %.1f MB in the"
        + " changelogs:",
        s.bytesPerDocument(), s.bytesPerDocument() <= 512 ? "met" : "missed", s.indexBytesPerDocument(),
        s.contentBytesPerArticle(), s.rememberedDocuments(), s.liveArticles(), s.totalBytes() / 1e6);
    for (Map.Entry<String, Long> e : s.bytesByStore().entrySet()) {
      out.printf(Locale.ROOT, " %s %.1f MB", e.getKey(), e.getValue() / 1e6);
    }
    out.println(")");
  }

  private static void row(PrintWriter out, String label, BenchResult.Rate rate) {
    out.printf(Locale.ROOT, "%-46s %9.1f %,11.1f %9.1f%n", label, rate.seconds(), rate.docsPerSecond(),
        rate.megabytesPerSecond());
  }

  /** Bytes to a writer, for handing picocli's error writer to code that prints to a stream. */
  private static final class WriterOutputStream extends java.io.OutputStream {
    private final PrintWriter writer;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    WriterOutputStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) {
      line.write(b);
      if (b == '\n') {
        flush();
      }
    }

    @Override
    public void flush() {
      writer.print(line.toString(java.nio.charset.StandardCharsets.UTF_8));
      writer.flush();
      line.reset();
    }
  }
}
