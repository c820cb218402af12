package news.pipeline.producer.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Shows a run's progress on stderr from a daemon thread. On a terminal it redraws one line in
 * place ({@code \r}) twice a second: a bar when the input size is known, documents/s and MB/s.
 * Elsewhere (a log file, a pipe, systemd) it prints a plain line every ten seconds, which stays
 * readable in a log. A run shorter than one period prints nothing; {@link #close()} clears the
 * terminal line so the summary starts on a clean one.
 */
final class ProgressReporter implements AutoCloseable {

  /** How progress is shown. */
  enum Mode {
    /** A bar when stderr is a terminal, plain lines otherwise. */
    AUTO,
    /** A line redrawn in place. */
    BAR,
    /** A plain line per period. */
    LINES,
    /** Nothing. */
    NONE;

    /** AUTO resolved: a bar on a terminal ({@link System#console()} is there), lines otherwise. */
    Mode resolve() {
      if (this != AUTO) {
        return this;
      }
      return System.console() != null ? BAR : LINES;
    }
  }

  static final Duration BAR_PERIOD = Duration.ofMillis(500);
  static final Duration LINE_PERIOD = Duration.ofSeconds(10);

  private final PrintWriter err;
  private final Mode mode;
  private final Supplier<ProgressLine.Sample> sampler;
  private final long started = System.nanoTime();
  private final ScheduledExecutorService timer;
  private ProgressLine.Sample previous;
  private long previousNanos = started;
  private int drawnWidth;

  ProgressReporter(PrintWriter err, Mode mode, Supplier<ProgressLine.Sample> sampler) {
    this(err, mode, sampler, mode.resolve() == Mode.BAR ? BAR_PERIOD : LINE_PERIOD);
  }

  ProgressReporter(PrintWriter err, Mode mode, Supplier<ProgressLine.Sample> sampler, Duration period) {
    this.err = err;
    this.mode = mode.resolve();
    this.sampler = sampler;
    this.previous = new ProgressLine.Sample(0, 0, 0, 0, 0, 0);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "publish-progress");
              thread.setDaemon(true);
              return thread;
            });
    if (this.mode != Mode.NONE) {
      long millis = period.toMillis();
      timer.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Draws one update; called by the timer. */
  synchronized void tick() {
    long nanos = System.nanoTime();
    ProgressLine.Sample now = sampler.get();
    String line =
        ProgressLine.format(
            now, previous, (nanos - previousNanos) / 1e9, Duration.ofNanos(nanos - started));
    previous = now;
    previousNanos = nanos;
    if (mode == Mode.BAR) {
      // pad with spaces so a shorter line fully covers the one before
      err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
      drawnWidth = line.length();
    } else {
      err.println("progress: " + line);
    }
    err.flush();
  }

  /** Prints a line of its own (a problem), clearing the bar first; the next tick redraws it. */
  synchronized void message(String text) {
    clearBar();
    err.println(text);
    err.flush();
  }

  private void clearBar() {
    if (drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      drawnWidth = 0;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      clearBar();
      err.flush();
    }
  }
}
