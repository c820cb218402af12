package news.pipeline.app.ops;

import org.apache.kafka.streams.KafkaStreams;

/**
 * Liveness and readiness from the Kafka Streams state. Live: the client is not dead (anything but
 * {@code PENDING_ERROR}, {@code ERROR} and {@code NOT_RUNNING}); a supervisor restarts an instance
 * that is not. Ready: {@code RUNNING}, every task assigned and restored; not while rebalancing or
 * restoring state, which can take minutes after a fail-over.
 */
public final class Health {

  /** One answer: the HTTP status, and the JSON body's fields. */
  public record Status(int httpStatus, String status, String state) {}

  private Health() {}

  public static Status liveness(KafkaStreams.State state) {
    boolean dead =
        state == null
            || state == KafkaStreams.State.PENDING_ERROR
            || state == KafkaStreams.State.ERROR
            || state == KafkaStreams.State.NOT_RUNNING;
    return new Status(dead ? 503 : 200, dead ? "DOWN" : "UP", String.valueOf(state));
  }

  public static Status readiness(KafkaStreams.State state) {
    boolean ready = state == KafkaStreams.State.RUNNING;
    return new Status(ready ? 200 : 503, ready ? "READY" : "NOT_READY", String.valueOf(state));
  }
}
