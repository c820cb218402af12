package news.pipeline.app.dedup;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.dedup.similarity.BandKeys;
import news.pipeline.app.dedup.similarity.DedupThresholds;
import news.pipeline.avro.MatchSignal;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.avro.internal.DedupDocument;

/**
 * Finds the earlier documents a candidate is a copy of. A shared normalized URL is a match
 * outright. Title and body LSH bands only propose candidates; each is verified by the actual
 * similarity (exact token Jaccard for titles, MinHash estimate for bodies) within the horizon. A
 * similar title does not match when both documents have bodies and the bodies clearly differ.
 */
final class MatchFinder {

  /** Most documents read from one LSH band (a band keeps no more). */
  static final int MAX_BAND_READ = 64;

  private final PipelineConfig.Dedup settings;
  private final long horizonMillis;

  MatchFinder(PipelineConfig.Dedup settings) {
    this.settings = settings;
    this.horizonMillis = settings.horizon().toMillis();
  }

  Duration horizon() {
    return settings.horizon();
  }

  /** Band codes under which the candidate's title ({@link BandKeys#titleHashes}) is filed; empty for an uninformative title. */
  int[] titleBands(ArticleCandidate c, int[] title) {
    return BandKeys.titleCodes(title, c.getTitleInformative());
  }

  /** Band codes under which the candidate's body is filed; empty without a body signature. */
  int[] bodyBands(int[] body) {
    return BandKeys.bodyCodes(body);
  }

  /**
   * The best match per earlier document. A band names its documents by reference; every
   * document with that reference is verified.
   */
  Map<String, Match> find(
      ArticleCandidate c, int[] title, int[] body, List<UrlClaim> claims, int[] titleBands, int[] bodyBands,
      DedupStore store) {
    Map<String, Match> best = new HashMap<>();
    for (UrlClaim claim : claims) {
      DedupDocument doc = claim.ownerDocument();
      if (doc != null && !contradicts(c, title, body, doc)) {
        offer(best, new Match(claim.owner(), MatchSignal.URL, 1.0));
      }
    }
    Set<Integer> checked = new HashSet<>();
    for (int band : titleBands) {
      for (int reference : store.band(band, MAX_BAND_READ)) {
        for (DedupStore.Remembered r : checked.add(reference) ? store.documents(reference) : List.<DedupStore.Remembered>of()) {
          DedupDocument doc = r.document();
          if (withinHorizon(c, doc) && doc.getTitleInformative()) {
            double similarity = BandKeys.titleSimilarity(title, titleOf(doc));
            if (similarity >= settings.titleThreshold() && !bodiesDiffer(body, bodyOf(doc))) {
              offer(best, new Match(r.id(), MatchSignal.TITLE, similarity));
            }
          }
        }
      }
    }
    checked.clear();
    for (int band : bodyBands) {
      for (int reference : store.band(band, MAX_BAND_READ)) {
        for (DedupStore.Remembered r : checked.add(reference) ? store.documents(reference) : List.<DedupStore.Remembered>of()) {
          int[] other = bodyOf(r.document());
          if (withinHorizon(c, r.document()) && other.length > 0) {
            double similarity = BandKeys.similarity(body, other);
            if (similarity >= settings.bodyThreshold()) {
              offer(best, new Match(r.id(), MatchSignal.BODY, similarity));
            }
          }
        }
      }
    }
    return best;
  }

  /**
   * A shared URL key is vetoed only when everything else says two different articles: both titles
   * informative and far apart, and both bodies clearly different. One wrong URL key (a template
   * whose canonical link names the home page, say) then stays one refused link instead of a chain
   * of merges.
   */
  private boolean contradicts(ArticleCandidate c, int[] title, int[] body, DedupDocument doc) {
    boolean titlesDiffer =
        c.getTitleInformative()
            && doc.getTitleInformative()
            && BandKeys.titleSimilarity(title, titleOf(doc)) < DedupThresholds.TITLE_BACKGROUND_JACCARD;
    return titlesDiffer && bodiesDiffer(body, bodyOf(doc));
  }

  private boolean withinHorizon(ArticleCandidate c, DedupDocument doc) {
    return Math.abs(c.getEventTime().toEpochMilli() - doc.getEventTime()) <= horizonMillis;
  }

  private boolean bodiesDiffer(int[] a, int[] b) {
    return a.length > 0 && b.length > 0 && BandKeys.similarity(a, b) < settings.bodyDifferThreshold();
  }

  private static void offer(Map<String, Match> best, Match match) {
    Match current = best.get(match.documentId());
    if (match.betterThan(current)) {
      best.put(match.documentId(), match);
    }
  }

  /**
   * A remembered document's title as {@link BandKeys#titleHashes}. (v3 state kept the tokens, but
   * its keys are not read since references became 24 bits, so there is nothing to convert.)
   */
  static int[] titleOf(DedupDocument doc) {
    return BandKeys.unpackTitle(StateKeys.bytes(doc.getTitleTokenHashes()));
  }

  /** A remembered document's body signature (v2 state keeps it packed; v1 state as a list). */
  static int[] bodyOf(DedupDocument doc) {
    java.nio.ByteBuffer sketch = doc.getBodySketch();
    if (sketch != null && sketch.remaining() > 0) {
      return BandKeys.unpack(StateKeys.bytes(sketch));
    }
    return toArray(doc.getBodySignature());
  }

  static int[] toArray(List<Integer> values) {
    int[] array = new int[values.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = values.get(i);
    }
    return array;
  }
}
