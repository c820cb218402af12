package news.pipeline.producer.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * Formats the operator's status line from two samples of a run: counts, the rates between the
 * samples (documents/s, MB/s of encoded documents), and, when the amount of input is known, a
 * bar with the share of input bytes read.
 *
 * <p>{@code [#######.............]  35%  12,004 docs  1,850 docs/s  9.4 MB/s  3 skipped  0 failed  0:07}
 */
final class ProgressLine {

  static final int BAR_WIDTH = 20;

  /**
   * One sample of a run.
   *
   * @param documents documents acknowledged
   * @param bytes encoded bytes acknowledged
   * @param skipped inputs skipped
   * @param failed inputs failed
   * @param inputDone input bytes read so far (whole files)
   * @param inputTotal input bytes to read, or 0 when unknown (stdin, a watched folder)
   */
  record Sample(long documents, long bytes, long skipped, long failed, long inputDone, long inputTotal) {}

  private ProgressLine() {}

  /**
   * @param now the latest sample
   * @param before the sample {@code seconds} earlier, for the rates
   * @param seconds time between the samples; rates are 0 when it is not positive
   * @param elapsed time since the run started
   */
  static String format(Sample now, Sample before, double seconds, Duration elapsed) {
    StringBuilder line = new StringBuilder();
    if (now.inputTotal() > 0) {
      double share = Math.min(1.0, (double) now.inputDone() / now.inputTotal());
      int filled = (int) Math.round(share * BAR_WIDTH);
      line.append('[')
          .append("#".repeat(filled))
          .append(".".repeat(BAR_WIDTH - filled))
          .append(String.format(Locale.ROOT, "] %3d%%  ", Math.round(share * 100)));
    }
    double docsPerSecond = seconds > 0 ? (now.documents() - before.documents()) / seconds : 0;
    double mbPerSecond = seconds > 0 ? (now.bytes() - before.bytes()) / seconds / MB : 0;
    line.append(String.format(
        Locale.ROOT,
        "%,d docs  %,.0f docs/s  %.1f MB/s  %,d skipped  %,d failed  %s",
        now.documents(), docsPerSecond, mbPerSecond, now.skipped(), now.failed(), clock(elapsed)));
    return line.toString();
  }

  /** {@code m:ss}, or {@code h:mm:ss} past an hour. */
  static String clock(Duration elapsed) {
    long seconds = Math.max(0, elapsed.toSeconds());
    long hours = seconds / 3600;
    long minutes = seconds / 60 % 60;
    long rest = seconds % 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
        : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
  }

  private static final double MB = 1024.0 * 1024.0;
}
