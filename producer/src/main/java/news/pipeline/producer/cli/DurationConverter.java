package news.pipeline.producer.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations such as {@code 0}, {@code 500ms}, {@code 2s}, {@code 1m} or ISO-8601 {@code PT2S}. */
public final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

  @Override
  public Duration convert(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofSeconds(n);
      };
    }
    try {
      Duration duration = Duration.parse(value.strip());
      if (duration.isNegative()) {
        throw new TypeConversionException("'" + value + "' is negative");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not a duration (examples: 0, 500ms, 2s, 1m, PT2S)");
    }
  }
}
