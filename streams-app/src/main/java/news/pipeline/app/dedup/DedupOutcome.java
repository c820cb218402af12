package news.pipeline.app.dedup;

import java.util.List;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.DedupDecision;

/**
 * What dedup decided for one candidate: the article it is now a member of (to emit), the articles
 * retired because they turned out to be the same one (to tombstone), and the audit decision. A
 * document seen before (a re-send or a replay over live state) changes nothing: {@code repeated}.
 */
public record DedupOutcome(
    CanonicalArticle article, List<String> retiredArticleIds, DedupDecision decision, boolean repeated) {

  public DedupOutcome {
    retiredArticleIds = List.copyOf(retiredArticleIds);
  }

  static DedupOutcome repeat() {
    return new DedupOutcome(null, List.of(), null, true);
  }
}
