package news.pipeline.app.dedup.quality;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import news.pipeline.avro.MatchSignal;

/** Prints a run's figures: per kind, hard negatives, per variant, and the signals that matched. */
final class QualityReport {

  static final double URL_PRECISION = 0.99;
  static final double URL_RECALL = 0.98;
  static final double SYNDICATED_PRECISION = 0.97;
  static final double SYNDICATED_RECALL = 0.90;
  static final double HARD_NEGATIVE_RATE = 0.01;

  private QualityReport() {}

  static void print(PrintStream out, QualitySet set, DedupRun.Result run, QualityScore score) {
    Map<String, Label> labels = set.labels();
    set.notes().forEach(note -> out.println("# " + note));
    out.printf(Locale.ROOT, "documents %d, candidates %d, rejected documents %d, gold articles %d, dedup articles %d%n",
        set.documents().size(), labels.size(), run.rejected().size(), score.goldArticles(), score.predictedArticles());
    Map<DocKind, Integer> perKind = new EnumMap<>(DocKind.class);
    labels.values().forEach(l -> perKind.merge(l.kind(), 1, Integer::sum));
    out.println("candidates per kind: " + perKind);
    out.println();
    out.printf(Locale.ROOT, "%-18s %10s %10s %8s %10s %8s %10s  %s%n",
        "pairs", "same", "merged", "recall", "merged", "false", "precision", "target");
    kindLine(out, "url variants", score.kinds().get(DocKind.URL_VARIANT), URL_PRECISION, URL_RECALL);
    kindLine(out, "syndicated copies", score.kinds().get(DocKind.SYNDICATED), SYNDICATED_PRECISION, SYNDICATED_RECALL);
    kindLine(out, "negatives", score.kinds().get(DocKind.NEGATIVE), Double.NaN, Double.NaN);
    kindLine(out, "originals", score.kinds().get(DocKind.ORIGINAL), Double.NaN, Double.NaN);
    kindLine(out, "overall", score.overall(), Double.NaN, Double.NaN);
    out.println();
    QualityScore.HardScore total = score.hardNegativesTotal();
    out.printf(Locale.ROOT, "hard negatives falsely merged: %d of %d pairs = %.4f (target <= %.2f) %s%n",
        total.merged(), total.pairs(), total.rate(), HARD_NEGATIVE_RATE, verdict(total.rate() <= HARD_NEGATIVE_RATE));
    score.hardNegatives().forEach((label, h) ->
        out.printf(Locale.ROOT, "  %-28s %5d of %7d = %.4f%n", label, h.merged(), h.pairs(), h.rate()));
    out.println();
    variants(out, labels, run);
    falseMerges(out, labels, run, 10);
  }

  /** The first articles that hold more than one gold, to see what merged wrongly. */
  private static void falseMerges(PrintStream out, Map<String, Label> labels, DedupRun.Result run, int limit) {
    Map<String, Map<String, java.util.List<String>>> byArticle = new TreeMap<>();
    labels.forEach((id, l) -> {
      String article = run.articleOf().get(id);
      if (article != null) {
        byArticle.computeIfAbsent(article, a -> new TreeMap<>()).computeIfAbsent(l.gold(), g -> new java.util.ArrayList<>()).add(id);
      }
    });
    var mixed = byArticle.entrySet().stream().filter(e -> e.getValue().size() > 1).toList();
    out.println("articles holding more than one gold: " + mixed.size() + (mixed.isEmpty() ? "" : " (first " + limit + ")"));
    mixed.stream().limit(limit).forEach(e -> {
      out.println("  article " + e.getKey() + ":");
      e.getValue().forEach((gold, ids) -> out.println("    gold " + gold + " <- " + ids));
      e.getValue().values().stream().flatMap(java.util.List::stream).forEach(id -> {
        var d = run.decisions().get(id);
        Label other = d == null || d.getMatchedDocumentId() == null ? null : labels.get(d.getMatchedDocumentId());
        if (other != null && !other.gold().equals(labels.get(id).gold())) {
          out.printf(Locale.ROOT, "    wrong link: %s -> %s by %s (%.3f): \"%s\"%n", id, d.getMatchedDocumentId(),
              d.getMatchedBy(), d.getSimilarity(), d.getTitle());
        }
      });
    });
  }

  private static void kindLine(PrintStream out, String name, QualityScore.KindScore k, double precision, double recall) {
    String target = Double.isNaN(precision) ? ""
        : String.format(Locale.ROOT, "P>=%.2f R>=%.2f %s", precision, recall,
            verdict(k.precision() >= precision && k.recall() >= recall));
    out.printf(Locale.ROOT, "%-18s %10d %10d %8.4f %10d %8d %10.4f  %s%n",
        name, k.samePairs(), k.mergedSamePairs(), k.recall(), k.mergedPairs(), k.falselyMergedPairs(), k.precision(), target);
  }

  /** Per variant: how many candidates ended in the article of their gold's original, and by which signal they matched. */
  private static void variants(PrintStream out, Map<String, Label> labels, DedupRun.Result run) {
    Map<String, String> originalOf = new HashMap<>();
    labels.forEach((id, l) -> {
      if (l.kind() == DocKind.ORIGINAL) {
        originalOf.putIfAbsent(l.gold(), id);
      }
    });
    Map<String, int[]> joined = new TreeMap<>();
    Map<String, Map<MatchSignal, Integer>> signals = new TreeMap<>();
    labels.forEach((id, l) -> {
      int[] c = joined.computeIfAbsent(l.variant(), v -> new int[2]);
      c[0]++;
      String original = originalOf.get(l.gold());
      String article = run.articleOf().get(id);
      if (original != null && article != null && article.equals(run.articleOf().get(original))) {
        c[1]++;
      }
      MatchSignal signal = run.matchedBy().get(id);
      signals.computeIfAbsent(l.variant(), v -> new EnumMap<>(MatchSignal.class))
          .merge(signal == null ? MatchSignal.FIRST : signal, 1, Integer::sum);
    });
    out.println("per variant: candidates, share in the same article as the original, matched-by at arrival");
    joined.forEach((variant, c) -> out.printf(Locale.ROOT, "  %-32s %6d  %.3f  %s%n",
        variant, c[0], (double) c[1] / c[0], signals.get(variant)));
    if (!run.rejected().isEmpty()) {
      out.println("rejected documents (first 10): ");
      run.rejected().entrySet().stream().limit(10).forEach(e -> out.println("  " + e.getKey() + " " + e.getValue()));
    }
  }

  private static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }
}
