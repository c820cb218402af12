package news.pipeline.app.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a replay starts reading the raw topic: the beginning, a date-time, or a duration back from
 * now. Record timestamps on the raw topic are the documents' fetch times (the producer sets them),
 * so a date-time selects documents fetched at or after it.
 */
public sealed interface ReplayStart {

  /** The instant to seek to, or empty for the earliest offset. */
  Optional<Instant> resolve(Clock clock);

  /** For people: "the beginning", "2020-06-10T00:00:00Z", "PT6H back (2020-…)". */
  String describe(Clock clock);

  static ReplayStart beginning() {
    return new Beginning();
  }

  static ReplayStart at(Instant instant) {
    return new At(instant);
  }

  static ReplayStart back(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("the duration back from now must be positive: " + duration);
    }
    return new Back(duration);
  }

  /** From the earliest offset still on the topic. */
  record Beginning() implements ReplayStart {
    @Override
    public Optional<Instant> resolve(Clock clock) {
      return Optional.empty();
    }

    @Override
    public String describe(Clock clock) {
      return "the beginning";
    }
  }

  /** From the first record with a timestamp at or after {@code instant}. */
  record At(Instant instant) implements ReplayStart {
    @Override
    public Optional<Instant> resolve(Clock clock) {
      return Optional.of(instant);
    }

    @Override
    public String describe(Clock clock) {
      return instant.toString();
    }
  }

  /** From {@code duration} before now. */
  record Back(Duration duration) implements ReplayStart {
    @Override
    public Optional<Instant> resolve(Clock clock) {
      return Optional.of(clock.instant().minus(duration));
    }

    @Override
    public String describe(Clock clock) {
      return duration + " back from now (" + clock.instant().minus(duration) + ")";
    }
  }
}
