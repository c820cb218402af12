package news.pipeline.app.parse;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one document's parse on a worker thread and waits at most the time budget for it, so a
 * pathological page costs the partition at most {@code limits.parse.timeout.ms}, not an outage.
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

  /** The outcome: the value, or that the budget ran out, or the error the work threw. */
  public record Outcome<T>(T value, boolean timedOut, Throwable error) {}

  private final Duration timeout;
  private ExecutorService worker;

  public ParseBudget(Duration timeout) {
    this.timeout = timeout;
    this.worker = newWorker();
  }

  public Duration timeout() {
    return timeout;
  }

  /** Runs {@code work} within the budget; never throws for what the work does. */
  public <T> Outcome<T> run(Callable<T> work) {
    Future<T> future = worker.submit(work);
    try {
      return new Outcome<>(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS), false, null);
    } catch (TimeoutException e) {
      future.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      LOGGER.warn("parse over budget, worker abandoned timeoutMs={}", timeout.toMillis());
      return new Outcome<>(null, true, null);
    } catch (ExecutionException e) {
      return new Outcome<>(null, false, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new IllegalStateException("interrupted while parsing", e);
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
