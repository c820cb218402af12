package news.pipeline.app.parse;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one document's parse on a worker thread and stops waiting for it once it has used its
 * budget, so a pathological page costs the partition at most {@code limits.parse.timeout.ms}, not
 * an outage.
 *
 * <p>The budget is the worker's CPU time, not the wall clock: on a loaded machine a page waits for
 * a core without using its budget, so whether a document is rejected does not depend on what else
 * the machine is doing (a wall-clock budget rejected ordinary pages under load, and a replay then
 * gave other output than the first run). A work that waits instead of computing is still bounded:
 * by {@value #WALL_CLOCK_FACTOR} times the budget in wall-clock time. Where the JVM cannot measure
 * thread CPU time, the budget is wall-clock time.
 *
 * <p>The HTML parser and the cleaner do not check for interruption, so a worker that runs over is
 * interrupted and abandoned (it is a daemon and finishes on its own) and a fresh worker takes the
 * next document. Workers get a large stack, so deeply nested input is not a {@link
 * StackOverflowError} where the stream thread's default stack would overflow.
 *
 * <p>Not thread-safe: one budget per stream task (processor instance).
 */
public final class ParseBudget implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(ParseBudget.class);
  private static final long WORKER_STACK_BYTES = 64L * 1024 * 1024;
  private static final AtomicInteger WORKERS = new AtomicInteger();
  static final int WALL_CLOCK_FACTOR = 10;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && cpuTimeEnabled();

  /** The outcome: the value, or that the budget ran out, or the error the work threw. */
  public record Outcome<T>(T value, boolean timedOut, Throwable error) {}

  private final Duration timeout;
  private final long pollMillis;
  private ExecutorService worker;
  /** The running work's thread and its CPU time when the work started; null between works. */
  private final AtomicReference<Start> started = new AtomicReference<>();

  private record Start(long threadId, long cpuNanos) {}

  public ParseBudget(Duration timeout) {
    this.timeout = timeout;
    this.pollMillis = Math.max(1, Math.min(50, timeout.toMillis() / 4));
    this.worker = newWorker();
  }

  public Duration timeout() {
    return timeout;
  }

  /** Runs {@code work} within the budget; never throws for what the work does. */
  public <T> Outcome<T> run(Callable<T> work) {
    started.set(null);
    Future<T> future =
        worker.submit(
            () -> {
              started.set(new Start(Thread.currentThread().getId(), CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0));
              return work.call();
            });
    long budgetNanos = timeout.toNanos();
    long wallDeadline = System.nanoTime() + (CPU_TIME ? budgetNanos * WALL_CLOCK_FACTOR : budgetNanos);
    try {
      while (true) {
        try {
          return new Outcome<>(future.get(pollMillis, TimeUnit.MILLISECONDS), false, null);
        } catch (TimeoutException e) {
          if (System.nanoTime() >= wallDeadline || cpuUsed() >= budgetNanos) {
            future.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            LOGGER.warn("parse over budget, worker abandoned timeoutMs={}", timeout.toMillis());
            return new Outcome<>(null, true, null);
          }
        }
      }
    } catch (ExecutionException e) {
      return new Outcome<>(null, false, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new IllegalStateException("interrupted while parsing", e);
    }
  }

  /** CPU time the running work has used so far; 0 before it starts or without CPU timing. */
  private long cpuUsed() {
    Start start = started.get();
    if (!CPU_TIME || start == null) {
      return 0;
    }
    long now = THREADS.getThreadCpuTime(start.threadId());
    return now < 0 ? 0 : now - start.cpuNanos();
  }

  private static boolean cpuTimeEnabled() {
    try {
      if (!THREADS.isThreadCpuTimeEnabled()) {
        THREADS.setThreadCpuTimeEnabled(true);
      }
      return THREADS.isThreadCpuTimeEnabled();
    } catch (UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  private static ExecutorService newWorker() {
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(null, task, "parse-worker-" + WORKERS.incrementAndGet(), WORKER_STACK_BYTES);
          thread.setDaemon(true);
          return thread;
        };
    return Executors.newSingleThreadExecutor(factory);
  }
}
