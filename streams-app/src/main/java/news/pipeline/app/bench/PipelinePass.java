package news.pipeline.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import news.pipeline.app.bench.BenchResult.PipelineRun;
import news.pipeline.app.bench.BenchResult.Rate;
import news.pipeline.app.bench.BenchResult.TimeSpent;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.parse.ParseBudget;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.IdleWaiter;
import org.apache.kafka.clients.admin.Admin;

/**
 * One timed pass of the full pipeline over the raw topic's backlog: throughput, process and
 * pipeline-thread CPU, sampled heap peak, and where the stream threads' wall time went.
 */
final class PipelinePass {

  private static final long REPORT_EVERY_NANOS = 5_000_000_000L;

  private final BenchOptions options;
  private final PrintStream err;
  private final long totalBytes;

  /** @param totalBytes the encoded bytes of the documents, for the pass's MB/s */
  PipelinePass(BenchOptions options, PrintStream err, long totalBytes) {
    this.options = options;
    this.err = err;
    this.totalBytes = totalBytes;
  }

  /**
   * Waits until the pipeline has processed the whole raw topic (committed offsets at the end of
   * the raw and dedup candidates topics). The clock starts when the first instance is RUNNING.
   */
  PipelineRun await(PipelineConfig config, PipelineInstances instances, String label, long docs) throws Exception {
    err.printf(Locale.ROOT, "full pipeline (%s): starting ...%n", label);
    long created = System.nanoTime();
    long deadline = created + options.timeout().toNanos();
    awaitRunning(instances, deadline);
    long started = System.nanoTime();
    long cpuBefore = CpuTimes.processNanos();
    long jitBefore = CpuTimes.jitMillis();
    ParseBudget.Counters parseBefore = ParseBudget.counters();
    Map<Long, Long> threadCpuBefore = CpuTimes.streamThreadNanos();
    TimeBreakdown.Reading timeBefore = TimeBreakdown.Reading.of(instances.runners());
    long heapPeak;
    double seconds;
    BenchResult.Gc gc;
    try (GcWatch gcWatch = GcWatch.start()) {
      heapPeak = awaitNoLag(config, instances, started, deadline);
      seconds = (System.nanoTime() - started) / 1e9;
      gc = gcWatch.counts();
    }
    double cpu = (CpuTimes.processNanos() - cpuBefore) / 1e9;
    double jit = (CpuTimes.jitMillis() - jitBefore) / 1e3;
    ParseBudget.Counters parse = ParseBudget.counters().minus(parseBefore);
    // the stream threads' own CPU and their parse workers': both are the pipeline's work per document
    long threadCpu = CpuTimes.spent(threadCpuBefore, CpuTimes.streamThreadNanos()) + parse.workCpuNanos();
    Rate rate = new Rate("full pipeline", docs, totalBytes, seconds);
    err.printf(Locale.ROOT, "full pipeline (%s): %,.0f docs/s%n", label, rate.docsPerSecond());
    TimeSpent time = TimeBreakdown.between(
        timeBefore, TimeBreakdown.Reading.of(instances.runners()), seconds * instances.count() * config.streamThreads());
    return new PipelineRun(label, rate, (started - created) / 1e9, cpu, threadCpu / 1e9, parse, heapPeak, time, jit, gc);
  }

  /** Waits, untimed, until the instances have started and processed everything published so far. */
  void drain(PipelineConfig config, PipelineInstances instances) throws Exception {
    long deadline = System.nanoTime() + options.timeout().toNanos();
    awaitRunning(instances, deadline);
    awaitNoLag(config, instances, System.nanoTime(), deadline);
  }

  private void awaitRunning(PipelineInstances instances, long deadline) throws InterruptedException {
    while (!instances.anyRunning()) {
      instances.failIfStopped();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the streams app did not start within " + options.timeout());
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
  }

  /**
   * Polls the lag until it is zero, reporting it every few seconds.
   *
   * @return the highest heap use seen meanwhile (whole JVM, sampled at each poll)
   */
  private long awaitNoLag(PipelineConfig config, PipelineInstances instances, long started, long deadline)
      throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapPeak = 0;
    long lastReport = started;
    try (Admin admin = Admin.create(ClientSettings.admin(config))) {
      IdleWaiter waiter = new IdleWaiter(config, admin);
      while (true) {
        instances.failIfStopped();
        heapPeak = Math.max(heapPeak, memory.getHeapMemoryUsage().getUsed());
        long lag = waiter.lag();
        if (lag == 0) {
          return heapPeak;
        }
        long now = System.nanoTime();
        if (now - lastReport > REPORT_EVERY_NANOS) {
          err.printf(Locale.ROOT, "full pipeline: %,d records still to process%n", lag);
          lastReport = now;
        }
        if (now > deadline) {
          throw new IllegalStateException("the pipeline did not process its input within " + options.timeout());
        }
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }
  }
}
