package news.pipeline.app.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import news.pipeline.app.parse.ParseBudget;

/** CPU time of the whole process and of the pipeline's threads, read from the JVM. */
final class CpuTimes {

  private CpuTimes() {}

  /** CPU time of the process (broker and clients included), 0 where the JVM does not say. */
  static long processNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /**
   * Time the JIT compilers have spent compiling since the JVM started (summed over the compiler
   * threads, wall clock), 0 where the JVM does not say. The bench prints it per pass: a pass that
   * still compiles much is not at its steady speed.
   */
  static long jitMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  /**
   * CPU time so far of each live stream thread, by thread id. The parse workers' CPU is counted by
   * {@link ParseBudget#counters()} instead: a worker that has been idle a while ends, and a
   * thread that ended before the second reading would be missed.
   */
  static Map<Long, Long> streamThreadNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains("StreamThread")) {
        long nanos = threads.getThreadCpuTime(info.getThreadId());
        if (nanos >= 0) {
          cpu.put(info.getThreadId(), nanos);
        }
      }
    }
    return cpu;
  }

  /**
   * CPU time spent between two readings of {@link #streamThreadNanos()}, summed: a thread that
   * started in between counts from zero.
   */
  static long spent(Map<Long, Long> before, Map<Long, Long> after) {
    long total = 0;
    for (Map.Entry<Long, Long> e : after.entrySet()) {
      total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    }
    return total;
  }
}
