package news.pipeline.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collections the JVM reports while a pass runs: how many, how long they took, and
 * how many a humongous allocation started. With G1 an object of half a region or more (512 KB
 * with the 1 MB regions of a 1 GB heap) is humongous, and a raw page, its body or its text often
 * is: such allocations start collections of their own, which a pass over large pages shows here.
 * The collector beans report G1's young, mixed and full collections; on Java 17 its concurrent
 * cycles (marking, remark, cleanup) are reported by none of them.
 *
 * <pre>{@code
 * try (GcWatch gc = GcWatch.start()) { ...; BenchResult.Gc counts = gc.counts(); }
 * }</pre>
 */
final class GcWatch implements AutoCloseable {

  private final AtomicLong collections = new AtomicLong();
  private final AtomicLong humongous = new AtomicLong();
  private final AtomicLong millis = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onNotification;

  private GcWatch() {}

  /** Starts counting; {@link #close()} stops. */
  static GcWatch start() {
    GcWatch watch = new GcWatch();
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (bean instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(watch.listener, null, null);
        watch.emitters.add(emitter);
      }
    }
    return watch;
  }

  /** What was counted so far. */
  BenchResult.Gc counts() {
    return new BenchResult.Gc(collections.get(), humongous.get(), millis.get() / 1e3);
  }

  /** Counts one reported collection; {@code cause} and {@code durationMillis} as the JVM gives them. */
  void count(String cause, long durationMillis) {
    collections.incrementAndGet();
    millis.addAndGet(durationMillis);
    if (cause != null && cause.contains("Humongous")) {
      humongous.incrementAndGet();
    }
  }

  private void onNotification(Notification notification, Object handback) {
    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      count(info.getGcCause(), info.getGcInfo().getDuration());
    }
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException e) {
        // already gone
      }
    }
  }
}
