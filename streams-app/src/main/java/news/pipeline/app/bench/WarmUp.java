package news.pipeline.app.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Untimed warm-up rounds before a timed pass, until the JIT is quiet: a round ends the warm-up
 * when the compilers spent less than {@value #QUIET_SHARE} of its wall time compiling, or when
 * the last allowed round has run. A fixed number of documents was not enough: the pipeline brings
 * the broker's and the clients' code along, much of which runs a few times per request or commit
 * and takes tens of seconds to be compiled, and a pass measured meanwhile shares the two cores with
 * the compilers.
 */
final class WarmUp {

  static final double QUIET_SHARE = 0.2;

  private WarmUp() {}

  /** One round: documents {@code from} (inclusive) to {@code to} (exclusive). */
  interface Round {
    void run(long from, long to) throws Exception;
  }

  /** Runs rounds of {@code roundDocs} documents; returns how many ran. */
  static int run(String what, long roundDocs, int maxRounds, PrintStream err, Round round) throws Exception {
    if (roundDocs <= 0) {
      return 0;
    }
    for (int r = 0; r < maxRounds; r++) {
      long jitBefore = CpuTimes.jitMillis();
      long started = System.nanoTime();
      round.run(r * roundDocs, (r + 1) * roundDocs);
      double wallMillis = Math.max(1, (System.nanoTime() - started) / 1e6);
      double share = (CpuTimes.jitMillis() - jitBefore) / wallMillis;
      err.printf(Locale.ROOT, "warm-up (%s): round %d of at most %d, %,d documents, the JIT compiling %.0f%% of the time%n",
          what, r + 1, maxRounds, roundDocs, share * 100);
      if (share < QUIET_SHARE) {
        return r + 1;
      }
    }
    return maxRounds;
  }
}
