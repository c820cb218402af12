package news.pipeline.app.ops;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A rate over a sliding window, from samples of a growing count (documents read so far) taken
 * every second or so: {@code (newest - oldest) / elapsed} over the samples inside the window.
 */
final class Throughput {

  private record Sample(long nanos, long count) {}

  private final long windowNanos;
  private final Deque<Sample> samples = new ArrayDeque<>();

  Throughput(java.time.Duration window) {
    this.windowNanos = window.toNanos();
  }

  synchronized void sample(long nanos, long count) {
    samples.addLast(new Sample(nanos, count));
    while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > windowNanos) {
      samples.removeFirst();
    }
  }

  /** Per second over the window; 0 until two samples exist. */
  synchronized double perSecond() {
    if (samples.size() < 2) {
      return 0;
    }
    Sample first = samples.peekFirst();
    Sample last = samples.peekLast();
    long elapsed = last.nanos() - first.nanos();
    return elapsed <= 0 ? 0 : (last.count() - first.count()) * 1e9 / elapsed;
  }
}
