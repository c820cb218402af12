package news.pipeline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import news.pipeline.app.bench.BenchResult.Latency;
import news.pipeline.app.bench.BenchResult.PipelineRun;
import news.pipeline.app.bench.BenchResult.Rate;
import news.pipeline.app.bench.BenchResult.StateSize;
import news.pipeline.app.bench.BenchResult.TimeSpent;
import news.pipeline.app.parse.ParseBudget;
import org.junit.jupiter.api.Test;

/** The bench report from known figures, without a broker: per-document figures, ratios and the state target. */
class BenchCommandPrintTest {

  private static final BenchOptions OPTIONS = new BenchOptions(
      100, 1, 1, 2, 4, Path.of("corpus"), 0, false, 3, false, 100, 8, Path.of("data"), Duration.ofMinutes(1));

  @Test
  void figuresAreGivenPerDocumentAndTheRatiosComeFromTheRates() {
    String report = print(result(List.of(), 600));

    assertThat(report)
        .contains("bench: 100 documents, 2.0 MB encoded: test set")
        .contains("cleaner alone (2 thread(s))")
        .contains("warm-up, untimed, right before each timed pass, in rounds of 100 documents")
        .contains("(at most 8 rounds): raw pass-through 1 round(s), cleaner alone 2, pipeline 5;")
        .contains("JIT compilation during the timed passes: cleaner alone 0.3 s, full pipeline 0.8 s")
        .contains("2.0 s on stream threads (20.00 ms/doc, of which their parse workers 15.00; the parse workers waited"
            + " for work 2.00 ms/doc, 1.50 of it in 3 waits of 50 ms or more; the stream threads waited for 80"
            + " parses not finished yet, with 1.5 other parses queued or running at each on average)")
        .contains("garbage collections during the pass 40 (1.25 s), 25 of them started by a humongous allocation")
        .contains("stream-thread wall time per document 40.00 ms: dedup 5.00, parse+clean 20.00,"
            + " blocked on Kafka 10.00 (producer flush 4.00), the rest 5.00 (")
        .containsPattern("parse\\+clean being the wait for the parse worker\\); on the parse workers, inside that wait:"
            + " enrich 3.00\n")
        .contains("p50 120 ms, p99 300 ms, max 310 ms (9 of 10 documents seen")
        .contains("the longest latency among the documents sent in each second of the latency phase, ms: 150 310 -\n")
        .containsPattern("dedup state: \\d+ bytes per remembered document \\(target <= 512: met\\): index 300 bytes per"
            + " remembered document, articles 1000 bytes per live article")
        .contains("(200 documents, 10 live articles, 0.1 MB in the changelogs: dedup-documents 0.0 MB dedup-content 0.0 MB)")
        .contains("ratios: pipeline / cleaner-alone 0.50, pipeline / raw 0.100")
        .contains("CPU per document: cleaner alone 15.00 ms, stream threads 20.00 ms; cleaner CPU / pipeline CPU 0.75")
        .doesNotContain("scaling");
  }

  @Test
  void theCleanerAloneRunsOnAsManyThreadsAsThePipelineCleansOn() {
    BenchOptions twoWorkers = new BenchOptions(
        100, 3, 2, 2, 4, Path.of("corpus"), 0, false, 3, false, 100, 8, Path.of("data"), Duration.ofMinutes(1));
    StringWriter out = new StringWriter();
    BenchCommand.print(new PrintWriter(out, true), twoWorkers, result(List.of(), 600));

    assertThat(twoWorkers.cleanerThreads()).isEqualTo(12);
    assertThat(out.toString()).contains("3 stream thread(s) x 2 instance(s), 2 parse worker(s) per stream thread")
        .contains("cleaner alone (12 thread(s))");
  }

  @Test
  void anIndexOverTheTargetIsMissedAndScalingRunsGetATable() {
    PipelineRun twoThreads = run("2 threads x 1 instance", 4.0);
    String report = print(result(List.of(twoThreads), 600 * 2));

    assertThat(report).contains("(target <= 512: missed)");
    assertThat(report).contains("scaling (same documents, fresh application id each):")
        .containsPattern("  2 threads x 1 instance +25\\.0 docs/s +0\\.5 MB/s  stream-thread CPU 2\\.0 s");
  }

  private static String print(BenchResult result) {
    StringWriter out = new StringWriter();
    BenchCommand.print(new PrintWriter(out, true), OPTIONS, result);
    return out.toString();
  }

  /** 100 documents of 20 kB; the pipeline at half the cleaner's rate and a tenth of the raw rate. */
  private static BenchResult result(List<PipelineRun> scaling, long indexBytesPerDocument) {
    Rate raw = new Rate("raw pass-through", 100, 2_000_000, 0.4);
    Rate cleaner = new Rate("cleaner alone", 100, 2_000_000, 2.0);
    Map<String, Long> byStore = new LinkedHashMap<>();
    byStore.put("dedup-documents", 100L * indexBytesPerDocument / 2);
    byStore.put("dedup-content", 10_000L);
    StateSize state = new StateSize(200, 10, 200 * indexBytesPerDocument / 2, 10_000, byStore);
    Latency latency = new Latency(12.5, 10, 9, 120, 300, 310, List.of(150L, 310L, -1L));
    return new BenchResult("test set", 100, 2_000_000, raw, cleaner, run("1 thread(s) x 2 instance(s)", 4.0), latency,
        state, 100_000_000, scaling, 1.0, 2.0, 1.5, 0.3, 1, 2, 5);
  }

  private static PipelineRun run(String label, double seconds) {
    TimeSpent time = new TimeSpent(4.0, new TreeMap<>(Map.of("dedup", 0.5, "parse_clean", 2.0)), 1.0, Map.of("producer flush", 0.4), Map.of("enrich", 0.3));
    return new PipelineRun(label, new Rate("full pipeline", 100, 2_000_000, seconds), 1.0, 5.0, 2.0,
        new ParseBudget.Counters(200_000_000, 150_000_000, 3, 1_500_000_000, 80, 120), 200_000_000, time, 0.8, new BenchResult.Gc(40, 25, 1.25));
  }
}
