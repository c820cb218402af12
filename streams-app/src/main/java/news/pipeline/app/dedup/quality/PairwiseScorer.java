package news.pipeline.app.dedup.quality;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pairwise precision and recall of a dedup run against the quality set's labels.
 *
 * <p>A pair of candidates is <em>same</em> when their golds are equal and <em>merged</em> when dedup
 * put them in one article. Every pair is scored under the kind of its more edited document ({@link
 * DocKind#ofPair}): a pair with a syndicated copy counts as syndicated, else one with a URL variant
 * as URL. Per kind, recall = merged same pairs / same pairs, precision = merged same pairs / merged
 * pairs. A candidate without a decision (its document was rejected) is an article of its own.
 *
 * <p>Hard negatives: every pair with different golds inside a {@link HardNegativeGroup} (counted
 * once however many groups hold it, under the first group's label); the falsely merged rate is the
 * share of those pairs that were merged.
 *
 * <pre>{@code
 * QualityScore score = PairwiseScorer.score(set.labels(), run.articleOf(), set.hardNegatives());
 * }</pre>
 */
public final class PairwiseScorer {

  private PairwiseScorer() {}

  public static QualityScore score(Map<String, Label> labels, Map<String, String> articleOf, List<HardNegativeGroup> hard) {
    Map<DocKind, long[]> counts = new EnumMap<>(DocKind.class); // same, mergedSame, merged
    for (DocKind kind : DocKind.values()) {
      counts.put(kind, new long[3]);
    }
    Map<String, List<String>> byGold = group(labels, id -> labels.get(id).gold());
    for (List<String> members : byGold.values()) {
      forPairs(members, (a, b) -> {
        long[] c = counts.get(DocKind.ofPair(labels.get(a).kind(), labels.get(b).kind()));
        c[0]++;
        if (predicted(a, articleOf).equals(predicted(b, articleOf))) {
          c[1]++;
        }
      });
    }
    Map<String, List<String>> byArticle = group(labels, id -> predicted(id, articleOf));
    for (List<String> members : byArticle.values()) {
      forPairs(members, (a, b) -> counts.get(DocKind.ofPair(labels.get(a).kind(), labels.get(b).kind()))[2]++);
    }
    Map<DocKind, QualityScore.KindScore> kinds = new EnumMap<>(DocKind.class);
    long[] all = new long[3];
    counts.forEach((kind, c) -> {
      kinds.put(kind, new QualityScore.KindScore(c[0], c[1], c[2]));
      for (int i = 0; i < 3; i++) {
        all[i] += c[i];
      }
    });
    return new QualityScore(kinds, new QualityScore.KindScore(all[0], all[1], all[2]),
        hardNegatives(labels, articleOf, hard), byGold.size(), byArticle.size());
  }

  private static Map<String, QualityScore.HardScore> hardNegatives(
      Map<String, Label> labels, Map<String, String> articleOf, List<HardNegativeGroup> groups) {
    Map<String, long[]> counts = new TreeMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (HardNegativeGroup group : groups) {
      long[] c = counts.computeIfAbsent(group.label(), l -> new long[2]);
      List<String> ids = group.candidateIds().stream().filter(labels::containsKey).toList();
      forPairs(ids, (a, b) -> {
        if (!labels.get(a).gold().equals(labels.get(b).gold()) && seen.add(a.compareTo(b) < 0 ? a + "\n" + b : b + "\n" + a)) {
          c[0]++;
          if (predicted(a, articleOf).equals(predicted(b, articleOf))) {
            c[1]++;
          }
        }
      });
    }
    Map<String, QualityScore.HardScore> result = new TreeMap<>();
    counts.forEach((label, c) -> result.put(label, new QualityScore.HardScore(c[0], c[1])));
    return result;
  }

  private static String predicted(String candidate, Map<String, String> articleOf) {
    String article = articleOf.get(candidate);
    return article == null ? "unmatched:" + candidate : article;
  }

  private interface PairConsumer {
    void accept(String a, String b);
  }

  private static void forPairs(List<String> ids, PairConsumer consumer) {
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        consumer.accept(ids.get(i), ids.get(j));
      }
    }
  }

  private static Map<String, List<String>> group(Map<String, Label> labels, java.util.function.Function<String, String> key) {
    Map<String, List<String>> groups = new HashMap<>();
    for (String id : labels.keySet()) {
      groups.computeIfAbsent(key.apply(id), k -> new ArrayList<>()).add(id);
    }
    return groups;
  }
}
