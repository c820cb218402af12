package news.pipeline.app.bench;

import java.util.List;
import java.util.Map;
import news.pipeline.app.parse.ParseBudget;

/**
 * Everything one {@code ./pipeline bench} run measured, with the ratios {@link BenchCommand}
 * prints; the nested records are the figures of each phase.
 */
record BenchResult(
    String documents, long docs, long bytes, Rate raw, Rate cleaner, PipelineRun pipeline, Latency latency,
    StateSize state, long heapAfterGcBytes, List<PipelineRun> scaling, double loadBefore, double loadAfter,
    double cleanerCpuSeconds, double cleanerJitSeconds, int rawWarmupRounds, int cleanerWarmupRounds,
    int pipelineWarmupRounds) {

  double pipelineOverCleaner() {
    return pipeline.rate().docsPerSecond() / cleaner.docsPerSecond();
  }

  double pipelineOverRaw() {
    return pipeline.rate().docsPerSecond() / raw.docsPerSecond();
  }

  /** Cleaner-alone CPU per document over stream-thread CPU per document: less sensitive to other load. */
  double cpuRatio() {
    return cleanerCpuSeconds / pipeline.streamCpuSeconds();
  }

  /** A throughput measurement. */
  record Rate(String label, long docs, long bytes, double seconds) {
    double docsPerSecond() {
      return docs / seconds;
    }

    double megabytesPerSecond() {
      return bytes / 1e6 / seconds;
    }
  }

  /**
   * One pass of the full pipeline.
   *
   * @param streamCpuSeconds the stream threads' CPU and their parse workers'
   * @param parse what the parse workers' budgets counted during the pass
   */
  record PipelineRun(
      String label, Rate rate, double startupSeconds, double processCpuSeconds, double streamCpuSeconds,
      ParseBudget.Counters parse, long heapPeakBytes, TimeSpent time, double jitSeconds, Gc gc) {}

  /**
   * The garbage collections reported during a pass ({@link GcWatch}): how many, how many of them a
   * humongous allocation started, and their summed duration (for G1's young and mixed collections,
   * the pauses).
   */
  record Gc(long collections, long humongous, double seconds) {}

  /**
   * Where the stream threads' wall time went in one pass, in seconds summed over the threads: the
   * pipeline's own stages (its timers, wall clock: parse and clean include the hand-off to the
   * parse worker) and the time blocked on Kafka (Kafka's own thread and producer metrics).
   * {@code onWorkers}: stages timed on the parse workers (enrich), inside the stream threads' wait
   * for a parse, not part of their wall time.
   */
  record TimeSpent(double threadSeconds, Map<String, Double> stages, double blocked, Map<String, Double> blockedParts,
      Map<String, Double> onWorkers) {

    double rest() {
      double known = blocked;
      for (double v : stages.values()) {
        known += v;
      }
      return threadSeconds - known;
    }
  }

  /**
   * The end-to-end latency phase. {@code worstPerSecond}: the longest latency (ms) among the
   * documents sent in each second of the phase, -1 for a second none of whose documents was seen.
   */
  record Latency(double targetRate, long sent, long seen, double p50Millis, double p99Millis, double maxMillis,
      List<Long> worstPerSecond) {}

  /**
   * The dedup state as its changelogs hold it (latest value per key): the index stores and the
   * content store (one compressed entry per live article) apart.
   */
  record StateSize(
      long rememberedDocuments, long liveArticles, long indexBytes, long contentBytes, Map<String, Long> bytesByStore) {
    long totalBytes() {
      return indexBytes + contentBytes;
    }

    double bytesPerDocument() {
      return rememberedDocuments == 0 ? 0 : (double) totalBytes() / rememberedDocuments;
    }

    double indexBytesPerDocument() {
      return rememberedDocuments == 0 ? 0 : (double) indexBytes / rememberedDocuments;
    }

    double contentBytesPerArticle() {
      return liveArticles == 0 ? 0 : (double) contentBytes / liveArticles;
    }
  }
}
