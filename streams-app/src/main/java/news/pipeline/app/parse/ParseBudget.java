package news.pipeline.app.parse;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs documents' parses on one or a few worker threads (the app gives each stream thread's budget
 * {@code parse.workers} of them), started in the order they were submitted, and stops waiting for a parse once it has used its
 * budget, so a pathological page costs the partition at most {@code limits.parse.timeout.ms}, not
 * an outage.
 *
 * <p>A parse can be submitted ahead of the time its result is needed ({@link #submit}, then {@link
 * #await}): the stream thread starts the next records' parses and does the rest of the current
 * record's work while the workers parse. With one worker a stream thread cleans one page at a
 * time; with more, as many pages at once as there are workers and parses submitted, and the stream
 * thread still takes the results in its own order, so the output does not depend on the count.
 *
 * <p>The budget is the worker's CPU time on that one work, counted from the moment the work starts
 * (time in the queue is not counted): on a loaded machine a page waits for a core without using
 * its budget, so whether a document is rejected does not depend on what else the machine is doing
 * (a wall-clock budget rejected ordinary pages under load, and a replay then gave other output than
 * the first run). A work that waits instead of computing is still bounded: by {@value
 * #WALL_CLOCK_FACTOR} times the budget in wall-clock time from its start. Where the JVM cannot
 * measure thread CPU time, the budget is wall-clock time. The budget is enforced while someone
 * awaits a result: every work running then is checked, the awaited one or others started before
 * it.
 *
 * <p>The HTML parser and the cleaner do not check for interruption, so a worker that runs over is
 * interrupted and abandoned (it is a daemon and finishes on its own) and a fresh worker takes its
 * place for the works still queued. Workers get a large stack, so deeply nested input is not a {@link
 * StackOverflowError} where the stream thread's default stack would overflow. An idle worker ends
 * after {@value #IDLE_SECONDS} seconds; the next submission starts another.
 *
 * <p>{@link #submit} and {@link #await} are meant to be called from one thread (a stream thread);
 * the workers are the only other threads.
 */
public final class ParseBudget implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(ParseBudget.class);
  private static final long WORKER_STACK_BYTES = 64L * 1024 * 1024;
  private static final AtomicInteger WORKERS = new AtomicInteger();
  static final int WALL_CLOCK_FACTOR = 10;
  static final int IDLE_SECONDS = 10;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** Wall time the workers of this JVM waited for work before a work came, for the bench's breakdown. */
  private static final LongAdder IDLE_NANOS = new LongAdder();
  /** A wait for work at least this long is counted apart: the bench's breakdown tells gaps from a little per page. */
  public static final long LONG_WAIT_NANOS = 50_000_000L;
  private static final LongAdder LONG_IDLE_NANOS = new LongAdder();
  private static final LongAdder LONG_IDLES = new LongAdder();
  /** CPU time the workers of this JVM spent on works, counted as each work ends (a worker may end before it is read). */
  private static final LongAdder WORK_CPU_NANOS = new LongAdder();
  /** Awaits of a work not finished yet, and the other works queued or running at each, summed. */
  private static final LongAdder UNFINISHED_AWAITS = new LongAdder();
  private static final LongAdder OTHERS_AT_AWAITS = new LongAdder();
  private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && cpuTimeEnabled();

  /**
   * What the budgets of this JVM have counted so far, for the bench: the workers' wall time waiting
   * for work, the part of it in waits of at least {@link #LONG_WAIT_NANOS} and how many those were,
   * the workers' CPU time on works, and how often a result was awaited before its work had finished,
   * with the other works queued or running at those moments, summed (how far ahead the parses ran).
   */
  public record Counters(
      long idleNanos, long longIdleNanos, long longIdles, long workCpuNanos, long unfinishedAwaits,
      long othersAtAwaits) {

    /** What was counted between {@code before} and this. */
    public Counters minus(Counters before) {
      return new Counters(
          idleNanos - before.idleNanos, longIdleNanos - before.longIdleNanos, longIdles - before.longIdles,
          workCpuNanos - before.workCpuNanos, unfinishedAwaits - before.unfinishedAwaits,
          othersAtAwaits - before.othersAtAwaits);
    }

    /** The other works queued or running, on average, when a result was awaited before its work had finished. */
    public double othersPerUnfinishedAwait() {
      return unfinishedAwaits == 0 ? 0 : (double) othersAtAwaits / unfinishedAwaits;
    }
  }

  /** The outcome: the value, or that the budget ran out, or the error the work threw. */
  public record Outcome<T>(T value, boolean timedOut, Throwable error) {}

  /** A submitted work: its result once the worker has run it. */
  public static final class Pending<T> {
    private final FutureTask<T> task;
    private volatile boolean timedOut;

    private Pending(Callable<T> work) {
      this.task = new FutureTask<>(work);
    }

    /** Whether the work has ended (finished, failed or abandoned), so that awaiting it returns at once. */
    public boolean isDone() {
      return task.isDone();
    }
  }

  /** The work a worker is running, with the worker's CPU and wall clock when it started. */
  private record Running(Pending<?> pending, Thread thread, long cpuNanos, long wallNanos) {}

  private final Duration timeout;
  private final int maxWorkers;
  private final long pollMillis;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  /** The work each worker is running, by worker. */
  private final Map<Thread, Running> running = new ConcurrentHashMap<>();
  /** The live workers, at most {@link #maxWorkers}; an abandoned worker is no longer one. Guarded by {@code this}. */
  private final Set<Thread> workers = new HashSet<>();
  private volatile boolean closed;

  /** A budget with one worker. */
  public ParseBudget(Duration timeout) {
    this(timeout, 1);
  }

  /** A budget with up to {@code workers} worker threads, started by submissions while fewer are alive. */
  public ParseBudget(Duration timeout, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("parse workers must be at least 1, not " + workers);
    }
    this.timeout = timeout;
    this.maxWorkers = workers;
    this.pollMillis = Math.max(1, Math.min(50, timeout.toMillis() / 4));
  }

  /** What all budgets of this JVM have counted so far (CPU time 0 where the JVM cannot measure it). */
  public static Counters counters() {
    return new Counters(
        IDLE_NANOS.sum(), LONG_IDLE_NANOS.sum(), LONG_IDLES.sum(), WORK_CPU_NANOS.sum(), UNFINISHED_AWAITS.sum(),
        OTHERS_AT_AWAITS.sum());
  }

  public Duration timeout() {
    return timeout;
  }

  /** Runs {@code work} within the budget and waits for it; never throws for what the work does. */
  public <T> Outcome<T> run(Callable<T> work) {
    return await(submit(work));
  }

  /**
   * Queues {@code work} for the workers and returns at once; starts a worker while fewer than the
   * most are alive (one that finds no work ends after {@value #IDLE_SECONDS} seconds).
   */
  public <T> Pending<T> submit(Callable<T> work) {
    Pending<T> pending = new Pending<>(work);
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("parse budget closed");
      }
      queue.add(pending);
      if (workers.size() < maxWorkers) {
        startWorker();
      }
    }
    return pending;
  }

  /** Waits for a submitted work's outcome, enforcing the budget meanwhile; never throws for what the work does. */
  public <T> Outcome<T> await(Pending<T> pending) {
    if (!pending.isDone()) {
      UNFINISHED_AWAITS.increment();
      // the awaited work is one of those queued or running; a work that has just finished is still
      // in running until its worker takes it out, and is not counted
      int unfinished = queue.size();
      for (Running now : running.values()) {
        if (!now.pending().isDone()) {
          unfinished++;
        }
      }
      OTHERS_AT_AWAITS.add(Math.max(0, unfinished - 1));
    }
    try {
      while (true) {
        try {
          return new Outcome<>(pending.task.get(pollMillis, TimeUnit.MILLISECONDS), false, null);
        } catch (TimeoutException e) {
          enforce();
          if (pending.timedOut) {
            return new Outcome<>(null, true, null);
          }
        }
      }
    } catch (CancellationException e) {
      return new Outcome<>(null, true, null);
    } catch (ExecutionException e) {
      return new Outcome<>(null, false, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing", e);
    }
  }

  /** Abandons each running work that is over its budget, and starts a fresh worker in its place for the queue. */
  private void enforce() {
    long budgetNanos = timeout.toNanos();
    long wallLimit = CPU_TIME ? budgetNanos * WALL_CLOCK_FACTOR : budgetNanos;
    for (Running now : List.copyOf(running.values())) {
      boolean over = System.nanoTime() - now.wallNanos() >= wallLimit || cpuUsed(now) >= budgetNanos;
      if (over) {
        abandon(now);
      }
    }
  }

  private void abandon(Running now) {
    synchronized (this) {
      if (running.get(now.thread()) != now || !workers.contains(now.thread())) {
        return; // finished meanwhile, or already abandoned
      }
      now.pending().timedOut = true;
      running.remove(now.thread());
      workers.remove(now.thread());
      now.pending().task.cancel(true);
      if (!queue.isEmpty() && !closed) {
        startWorker();
      }
    }
    LOGGER.warn("parse over budget, worker abandoned timeoutMs={}", timeout.toMillis());
  }

  private static long cpuUsed(Running work) {
    if (!CPU_TIME) {
      return 0;
    }
    long now = THREADS.getThreadCpuTime(work.thread().getId());
    return now < 0 ? 0 : now - work.cpuNanos();
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

  /** Guarded by {@code this}. */
  private void startWorker() {
    Thread thread = new Thread(null, this::work, "parse-worker-" + WORKERS.incrementAndGet(), WORKER_STACK_BYTES);
    thread.setDaemon(true);
    workers.add(thread);
    thread.start();
  }

  private void work() {
    Thread me = Thread.currentThread();
    while (true) {
      Pending<?> next;
      Running started;
      long idleFrom = System.nanoTime();
      try {
        next = queue.poll(IDLE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        next = null; // closed, or abandoned while idle
      }
      if (next != null) {
        // a wait that ended in an exit is not counted
        long idle = System.nanoTime() - idleFrom;
        IDLE_NANOS.add(idle);
        if (idle >= LONG_WAIT_NANOS) {
          LONG_IDLE_NANOS.add(idle);
          LONG_IDLES.increment();
        }
      }
      synchronized (this) {
        if (!workers.contains(me)) {
          // only close() ends an idle worker: a work taken meanwhile is cancelled like the queued ones
          if (next != null) {
            next.task.cancel(false);
          }
          return;
        }
        if (next == null) {
          if (queue.isEmpty() || closed) {
            workers.remove(me);
            return;
          }
          continue;
        }
        started = new Running(next, me, CPU_TIME ? THREADS.getCurrentThreadCpuTime() : 0, System.nanoTime());
        running.put(me, started);
      }
      next.task.run();
      if (CPU_TIME) {
        WORK_CPU_NANOS.add(THREADS.getCurrentThreadCpuTime() - started.cpuNanos());
      }
      synchronized (this) {
        if (!workers.contains(me)) {
          Thread.interrupted(); // abandoned while running: finish quietly
          return;
        }
        running.remove(me);
      }
      Thread.interrupted(); // a cancel that came too late must not reach the next work
    }
  }

  @Override
  public void close() {
    List<Thread> current;
    synchronized (this) {
      closed = true;
      current = new ArrayList<>(workers);
      workers.clear();
      for (Pending<?> pending; (pending = queue.poll()) != null; ) {
        pending.task.cancel(false);
      }
      for (Running now : running.values()) {
        now.pending().task.cancel(true);
      }
      running.clear();
    }
    current.forEach(Thread::interrupt);
  }
}
