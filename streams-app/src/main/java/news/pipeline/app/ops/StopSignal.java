package news.pipeline.app.ops;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * A stop request from SIGTERM or SIGINT (Ctrl-C), handed to the main thread, which then closes
 * everything in order and returns its exit code. With the JVM's default handling a shutdown hook
 * would do the closing and the process would end with 143 whatever happened; handling the signals
 * here lets {@code run} exit 0 after a clean stop, and lets log4j's own hook run last. Where the
 * signals cannot be handled (no {@code sun.misc.Signal}), a shutdown hook requests the stop and
 * waits for the main thread to finish.
 */
public final class StopSignal {

  private static final Logger LOGGER = LoggerFactory.getLogger(StopSignal.class);

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile String reason;

  private StopSignal() {}

  /** Handles SIGTERM and SIGINT from now on; {@code grace} bounds the shutdown-hook fallback's wait. */
  public static StopSignal install(Duration grace) {
    StopSignal stop = new StopSignal();
    try {
      for (String name : new String[] {"TERM", "INT"}) {
        Signal.handle(new Signal(name), signal -> stop.request("SIG" + name));
      }
    } catch (IllegalArgumentException | LinkageError e) {
      LOGGER.info("cannot handle signals ({}); stopping from a shutdown hook instead", e.toString());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stop.request("shutdown");
        stop.awaitFinished(grace.plusSeconds(5));
      }, "pipeline-stop"));
    }
    return stop;
  }

  /** A stop that only {@link #request} triggers: for tests and embedding. */
  public static StopSignal manual() {
    return new StopSignal();
  }

  public void request(String why) {
    if (requested.getCount() > 0) {
      reason = why;
      LOGGER.info("stop requested by={}", why);
      requested.countDown();
    }
  }

  public boolean isRequested() {
    return requested.getCount() == 0;
  }

  public String reason() {
    return reason;
  }

  /** Waits up to {@code timeout} for a request; true once requested. */
  public boolean await(Duration timeout) throws InterruptedException {
    return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Called by the main thread when everything is closed. */
  public void finished() {
    finished.countDown();
  }

  private void awaitFinished(Duration timeout) {
    try {
      finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
