package news.pipeline.app.tail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The argument of {@code --since}: an ISO-8601 instant ({@code 2020-06-10T12:00:00Z}) or an
 * ISO-8601 duration meaning that long before now ({@code PT1H}, {@code P2D}).
 */
public final class SinceTime {

  private SinceTime() {}

  /**
   * @throws IllegalArgumentException with a message for the user when the text is neither
   */
  public static Instant parse(String text, Clock clock) {
    String trimmed = text.strip();
    if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
      try {
        Duration back = Duration.parse(trimmed);
        if (back.isNegative()) {
          throw new IllegalArgumentException("--since duration must not be negative: " + text);
        }
        return clock.instant().minus(back);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT1H or P2D");
      }
    }
    try {
      return Instant.parse(trimmed);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is neither an ISO-8601 instant (2020-06-10T12:00:00Z) nor a duration (PT1H)");
    }
  }
}
