package news.pipeline.producer.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import news.pipeline.producer.publish.Problem;
import news.pipeline.producer.publish.ReasonGroups;

/**
 * Prints problems on stderr as they happen. Failures are always printed; skips with the very
 * same reason (a WARC file's thousands of request records) are printed a few times, then only
 * counted, so the summary stays readable.
 */
final class ProblemPrinter implements Consumer<Problem> {

  static final int SAME_SKIPS_SHOWN = 3;

  private final Consumer<String> err;
  private final Map<String, Integer> skipsByReason = new HashMap<>();

  ProblemPrinter(PrintWriter err) {
    this(err::println);
  }

  /** Prints through {@code lines}, e.g. {@link ProgressReporter#message}, which clears a bar first. */
  ProblemPrinter(Consumer<String> lines) {
    this.err = lines;
  }

  @Override
  public synchronized void accept(Problem problem) {
    if (problem.kind() == Problem.Kind.SKIPPED) {
      int seen = skipsByReason.merge(ReasonGroups.of(problem.reason()), 1, Integer::sum);
      if (seen > SAME_SKIPS_SHOWN) {
        return;
      }
      if (seen == SAME_SKIPS_SHOWN) {
        err.accept(problem + " (further skips for this reason are counted, not shown)");
        return;
      }
    }
    err.accept(problem.toString());
  }
}
