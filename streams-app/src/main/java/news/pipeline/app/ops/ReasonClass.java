package news.pipeline.app.ops;

import java.util.regex.Pattern;

/**
 * Turns a reject reason (a sentence with details such as sizes, exception messages and media
 * types) into a short label with few distinct values, fit for a metric tag:
 * {@code "body of 12345678 bytes exceeds limits.max.document.bytes=10485760"} becomes
 * {@code "body of N bytes exceeds limits.max.document.bytes=N"}, and
 * {@code "invalid JSON envelope: unexpected end"} becomes {@code "invalid JSON envelope"}.
 */
public final class ReasonClass {

  static final int MAX_LENGTH = 60;
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private ReasonClass() {}

  public static String of(String reason) {
    if (reason == null || reason.isBlank()) {
      return "unknown";
    }
    String label = cutAt(cutAt(reason, ':'), '(');
    label = NUMBER.matcher(label).replaceAll("N");
    label = SPACES.matcher(label).replaceAll(" ").strip();
    if (label.endsWith(",")) {
      label = label.substring(0, label.length() - 1);
    }
    if (label.length() > MAX_LENGTH) {
      label = label.substring(0, MAX_LENGTH).strip();
    }
    return label.isEmpty() ? "unknown" : label;
  }

  private static String cutAt(String text, char c) {
    int at = text.indexOf(c);
    return at > 0 ? text.substring(0, at) : text;
  }
}
