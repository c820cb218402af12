package news.pipeline.producer.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import news.pipeline.producer.publish.Summary;

/**
 * The final report of a run: one summary line, the time and average rates, then the skipped and
 * failed inputs grouped by reason and counted, largest group first.
 *
 * <pre>
 * published 3 documents (0.01 MB) to news.documents.raw.v1: 3 sent, 4 skipped, 0 failed
 *   took 0.4 s: 7.5 docs/s, 0.02 MB/s
 *   skipped 3 × WARC request record
 *   skipped 1 × WARC warcinfo record
 * </pre>
 */
final class SummaryReport {

  private SummaryReport() {}

  static void print(PrintWriter out, Summary summary, String topic, Duration took, String suffix) {
    out.println(summaryLine(summary, topic) + suffix);
    double seconds = Math.max(took.toNanos() / 1e9, 1e-3);
    out.println(String.format(
        Locale.ROOT, "  took %.1f s: %,.1f docs/s, %.2f MB/s",
        seconds, summary.sent() / seconds, summary.bytes() / MB / seconds));
    groups(out, "skipped", summary.skippedByReason());
    groups(out, "failed", summary.failedByReason());
    out.flush();
  }

  /** {@code published N documents (X MB) to TOPIC: S sent, K skipped, F failed}. */
  static String summaryLine(Summary summary, String topic) {
    return String.format(
        Locale.ROOT,
        "published %d documents (%.2f MB) to %s: %d sent, %d skipped, %d failed",
        summary.sent(), summary.bytes() / MB, topic,
        summary.sent(), summary.skipped(), summary.failed());
  }

  private static void groups(PrintWriter out, String kind, Map<String, Long> counts) {
    counts.forEach((reason, count) -> out.printf(Locale.ROOT, "  %s %,d × %s%n", kind, count, reason));
  }

  private static final double MB = 1024.0 * 1024.0;
}
