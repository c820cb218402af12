package news.pipeline.app.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How close an extracted text is to a gold text, the way the public extraction benchmarks score
 * it: bag-of-words F1 (WCXB: lower-case, {@code \w+} tokens as a multiset) and precision and
 * recall over multisets of 4-word shingles (scrapinghub article-extraction benchmark).
 *
 * @param precision share of the predicted units that are in the gold text
 * @param recall share of the gold units that were predicted
 */
public record ExtractionScore(double precision, double recall) {

  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  /** F1 of precision and recall; 0 when both are 0. */
  public double f1() {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  /** Bag-of-words score; an empty prediction for an empty gold text scores 1. */
  public static ExtractionScore words(String predicted, String gold) {
    return overlap(count(tokens(predicted)), count(tokens(gold)));
  }

  /** Score over 4-word shingles; texts shorter than 4 words form one shingle. */
  public static ExtractionScore shingles(String predicted, String gold) {
    return overlap(count(shingles(tokens(predicted), 4)), count(shingles(tokens(gold), 4)));
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static List<String> shingles(List<String> tokens, int n) {
    List<String> out = new ArrayList<>();
    if (tokens.isEmpty()) {
      return out;
    }
    if (tokens.size() < n) {
      out.add(String.join(" ", tokens));
      return out;
    }
    for (int i = 0; i + n <= tokens.size(); i++) {
      out.add(String.join(" ", tokens.subList(i, i + n)));
    }
    return out;
  }

  private static Map<String, Integer> count(List<String> items) {
    Map<String, Integer> counts = new HashMap<>();
    items.forEach(t -> counts.merge(t, 1, Integer::sum));
    return counts;
  }

  private static ExtractionScore overlap(Map<String, Integer> predicted, Map<String, Integer> gold) {
    int p = predicted.values().stream().mapToInt(Integer::intValue).sum();
    int g = gold.values().stream().mapToInt(Integer::intValue).sum();
    if (p == 0 && g == 0) {
      return new ExtractionScore(1, 1);
    }
    int common = 0;
    for (Map.Entry<String, Integer> e : predicted.entrySet()) {
      common += Math.min(e.getValue(), gold.getOrDefault(e.getKey(), 0));
    }
    return new ExtractionScore(p == 0 ? 0 : (double) common / p, g == 0 ? 0 : (double) common / g);
  }
}
