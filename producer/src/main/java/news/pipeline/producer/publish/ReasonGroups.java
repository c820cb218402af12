package news.pipeline.producer.publish;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Folds problem reasons that differ only in their particulars (a document id, a URL, a size, an
 * offset) into one group, so a summary can say "skipped 4,210 × WARC request record" instead of
 * listing each. URLs become {@code <url>}, 16-hex-digit document ids {@code <id>} and numbers of
 * four or more digits {@code N}; short numbers such as HTTP statuses stay, so "status 404" and
 * "status 301" remain apart.
 *
 * <p>{@code ReasonGroups.of("file is 7033 bytes, above the size limit of 4096 bytes")} is {@code
 * "file is N bytes, above the size limit of N bytes"}.
 */
public final class ReasonGroups {

  private static final Pattern URL = Pattern.compile("\\b(?:https?|file|urn):[^\\s,;)]+");
  private static final Pattern ID = Pattern.compile("\\b[0-9a-f]{16}\\b");
  private static final Pattern LONG_NUMBER = Pattern.compile("\\b\\d{4,}\\b");

  private ReasonGroups() {}

  /** The group a reason belongs to. */
  public static String of(String reason) {
    if (reason == null) {
      return "";
    }
    String group = URL.matcher(reason).replaceAll("<url>");
    group = ID.matcher(group).replaceAll("<id>");
    return LONG_NUMBER.matcher(group).replaceAll("N");
  }

  /** A snapshot of live counters, largest group first, then by name. */
  static Map<String, Long> counts(Map<String, LongAdder> counters) {
    Map<String, Long> result = new LinkedHashMap<>();
    counters.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue().sum()))
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }
}
