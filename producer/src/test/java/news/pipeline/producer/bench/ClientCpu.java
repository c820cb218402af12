package news.pipeline.producer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * CPU time spent by the client side of one benchmark phase: the calling thread plus the threads
 * whose names a predicate accepts (the producer's I/O thread, the publish path's workers and
 * sender), leaving out the embedded broker that shares the JVM. Threads that end during the
 * phase would take their CPU time with them, so a daemon samples every thread's time every few
 * milliseconds and keeps the last value it saw; a thread that ends between two samples loses at
 * most that much, and the threads measured here are idle by then.
 *
 * <pre>{@code
 * try (ClientCpu cpu = ClientCpu.start(name -> name.startsWith("kafka-producer-network-thread"))) {
 *   sendEverything();
 *   seconds = cpu.stop();
 * }
 * }</pre>
 */
final class ClientCpu implements AutoCloseable {

  private static final long SAMPLE_MILLIS = 10;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Predicate<String> client;
  private final long caller = Thread.currentThread().getId();
  private final Map<Long, Long> startNanos = new HashMap<>();
  private final Map<Long, Long> lastNanos = new HashMap<>();
  private final Map<Long, Boolean> counted = new HashMap<>();
  private final Thread sampler;
  private volatile boolean running = true;

  private ClientCpu(Predicate<String> client) {
    this.client = client;
    if (!threads.isThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure thread CPU time");
    }
    threads.setThreadCpuTimeEnabled(true);
    sample(true);
    sampler = new Thread(this::loop, "bench-cpu-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts measuring the calling thread and the threads {@code client} accepts by name. */
  static ClientCpu start(Predicate<String> client) {
    return new ClientCpu(client);
  }

  /** CPU seconds of the whole JVM since it started: client, embedded broker, GC and JIT. */
  static double processSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  /** Stops sampling and returns the client CPU seconds since {@link #start}. */
  double stop() {
    running = false;
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      sample(false);
      long total = 0;
      for (Map.Entry<Long, Long> entry : lastNanos.entrySet()) {
        total += entry.getValue() - startNanos.getOrDefault(entry.getKey(), 0L);
      }
      return total / 1e9;
    }
  }

  @Override
  public void close() {
    running = false;
  }

  private void loop() {
    while (running) {
      synchronized (this) {
        sample(false);
      }
      try {
        TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Records the CPU time of every client thread; at the start, records where each one began. */
  private void sample(boolean first) {
    for (long id : threads.getAllThreadIds()) {
      Boolean isClient = counted.get(id);
      if (isClient == null) {
        ThreadInfo info = threads.getThreadInfo(id);
        if (info == null) {
          continue;
        }
        isClient = id == caller || client.test(info.getThreadName());
        counted.put(id, isClient);
      }
      if (!isClient) {
        continue;
      }
      long nanos = threads.getThreadCpuTime(id);
      if (nanos < 0) {
        continue; // ended since it was listed
      }
      if (first) {
        startNanos.put(id, nanos);
      }
      lastNanos.put(id, nanos);
    }
  }
}
