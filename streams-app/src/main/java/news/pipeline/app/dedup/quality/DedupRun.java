package news.pipeline.app.dedup.quality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.dedup.DedupOutcome;
import news.pipeline.app.dedup.Deduplicator;
import news.pipeline.app.dedup.InMemoryDedupStore;
import news.pipeline.app.enrich.CandidateBuilder;
import news.pipeline.app.parse.DocumentParser;
import news.pipeline.app.parse.ParseResult;
import news.pipeline.avro.DedupDecision;
import news.pipeline.avro.MatchSignal;
import news.pipeline.avro.internal.ArticleCandidate;

/**
 * Runs a quality set through the real path in memory, in a shuffled order: {@link DocumentParser}
 * (decode, clean), {@link CandidateBuilder} (enrich), {@link Deduplicator} over an {@link
 * InMemoryDedupStore}. The article each candidate ends in is followed through later merges with
 * the retired ids each outcome reports, so it does not depend on the article's member list.
 */
public final class DedupRun {

  /**
   * What dedup decided.
   *
   * @param articleOf candidate id to the id of the article it ended in
   * @param matchedBy candidate id to the signal that joined it to an earlier document (FIRST when none)
   * @param decisions candidate id to its dedup decision (matched document, signal, similarity)
   * @param rejected raw document id to the parser's reason, for documents that gave no candidate
   * @param store the final state
   */
  public record Result(
      Map<String, String> articleOf, Map<String, MatchSignal> matchedBy, Map<String, DedupDecision> decisions,
      Map<String, String> rejected, InMemoryDedupStore store) {}

  private final DocumentParser parser = defaultParser();
  private final CandidateBuilder builder = new CandidateBuilder();
  private final Deduplicator dedup;

  /** The parser with the default limits, as the app runs it. */
  static DocumentParser defaultParser() {
    PipelineConfig defaults = news.pipeline.app.config.ConfigLoader.load(null, java.util.Map.of(), java.util.Map.of()).orThrow();
    return new DocumentParser(defaults.maxDocumentBytes(), defaults.limits());
  }

  public DedupRun(PipelineConfig.Dedup settings) {
    this.dedup = new Deduplicator(settings);
  }

  public Result run(QualitySet set, long shuffleSeed) {
    List<LabeledDocument> order = new ArrayList<>(set.documents());
    Collections.shuffle(order, new Random(shuffleSeed));
    InMemoryDedupStore store = new InMemoryDedupStore();
    Map<String, String> assigned = new LinkedHashMap<>();
    Map<String, String> retiredTo = new HashMap<>();
    Map<String, MatchSignal> matchedBy = new LinkedHashMap<>();
    Map<String, DedupDecision> decisions = new LinkedHashMap<>();
    Map<String, String> rejected = new LinkedHashMap<>();
    int done = 0;
    for (LabeledDocument doc : order) {
      if (++done % 2000 == 0) {
        System.err.printf("dedup quality: %d/%d documents%n", done, order.size());
      }
      ParseResult parsed = parser.parse(doc.raw());
      if (parsed.isRejected()) {
        rejected.put(doc.raw().getId(), parsed.rejection().stage() + ": " + parsed.rejection().reason());
        continue;
      }
      for (int i = 0; i < parsed.drafts().size(); i++) {
        ArticleCandidate candidate = builder.build(doc.raw(), i, parsed.drafts().get(i));
        DedupOutcome outcome = dedup.accept(candidate, store);
        if (outcome.repeated()) {
          throw new IllegalStateException("candidate id used twice in the quality set: " + candidate.getDocumentId());
        }
        assigned.put(candidate.getDocumentId(), outcome.decision().getArticleId());
        matchedBy.put(candidate.getDocumentId(), outcome.decision().getMatchedBy());
        decisions.put(candidate.getDocumentId(), outcome.decision());
        for (String retired : outcome.retiredArticleIds()) {
          retiredTo.put(retired, outcome.decision().getArticleId());
        }
      }
    }
    Map<String, String> articleOf = new LinkedHashMap<>();
    assigned.forEach((candidate, article) -> articleOf.put(candidate, resolve(article, retiredTo)));
    return new Result(articleOf, matchedBy, decisions, rejected, store);
  }

  private static String resolve(String article, Map<String, String> retiredTo) {
    String current = article;
    for (int hops = 0; hops < 1_000_000 && retiredTo.containsKey(current); hops++) {
      current = retiredTo.get(current);
    }
    return current;
  }
}
