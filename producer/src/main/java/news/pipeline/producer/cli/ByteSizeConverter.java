package news.pipeline.producer.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads sizes such as {@code 10485760}, {@code 512KB}, {@code 10MB} or {@code 1g} (binary units). */
public final class ByteSizeConverter implements ITypeConverter<Long> {

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)(?:i?b)?");

  @Override
  public Long convert(String value) {
    Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new TypeConversionException("'" + value + "' is not a size (examples: 1048576, 512KB, 10MB)");
    }
    long number = Long.parseLong(m.group(1));
    int shift =
        switch (m.group(2)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          default -> 0;
        };
    if (number <= 0 || Long.numberOfLeadingZeros(number) <= shift) {
      throw new TypeConversionException("'" + value + "' must be positive and below 2^63 bytes");
    }
    return number << shift;
  }
}
