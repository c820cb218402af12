package news.pipeline.app.ops;

/**
 * Exit codes of the long-running commands ({@code run}, {@code demo --keep-running}), for a
 * supervisor (systemd, Kubernetes, Docker's restart policy) to act on.
 */
public final class ExitCodes {

  /** Stopped on request (SIGTERM, Ctrl-C) and closed cleanly: do not restart unless wanted. */
  public static final int STOPPED = 0;

  /** The streams client failed (a stream thread died) or could not start: restart it. */
  public static final int FATAL = 1;

  /** Bad configuration or options: restarting will not help, fix the configuration. */
  public static final int BAD_CONFIG = 2;

  /**
   * Stopped on request, but Kafka Streams did not close within {@code shutdown.timeout}: output is
   * still consistent (exactly-once), but the next start may restore state from the changelogs.
   */
  public static final int STOP_TIMED_OUT = 3;

  private ExitCodes() {}
}
