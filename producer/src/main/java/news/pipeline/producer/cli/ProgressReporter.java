package news.pipeline.producer.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prints a status line every period on a daemon thread, so a long run shows it is alive; a run
 * shorter than one period prints nothing.
 */
final class ProgressReporter implements AutoCloseable {

  private final ScheduledExecutorService timer;

  ProgressReporter(PrintWriter err, Duration period, Supplier<String> status) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "publish-progress");
              thread.setDaemon(true);
              return thread;
            });
    long millis = period.toMillis();
    timer.scheduleAtFixedRate(() -> err.println(status.get()), millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
