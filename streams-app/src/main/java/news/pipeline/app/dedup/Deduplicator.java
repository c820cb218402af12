package news.pipeline.app.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.avro.ArticleMember;
import news.pipeline.avro.DedupDecision;
import news.pipeline.avro.MatchSignal;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.avro.internal.ClusterState;
import news.pipeline.avro.internal.DedupDocument;

/**
 * The dedup decision for one candidate, over a {@link DedupStore}. Articles are the connected
 * components of the "is a copy of" relation, kept with union-find: each remembered document points
 * to its article (or to a retired article that redirects). An article's id is the id of its
 * earliest member (event time, then document id); when a candidate joins two articles, or arrives
 * earlier than the article it joins, the later ids are retired and redirect to the earliest.
 */
public final class Deduplicator {

  /** Most documents remembered per LSH band; the oldest fall out first. */
  static final int MAX_BAND_SIZE = 64;

  private final MatchFinder finder;

  public Deduplicator(PipelineConfig.Dedup settings) {
    this.finder = new MatchFinder(settings);
  }

  public DedupOutcome accept(ArticleCandidate c, DedupStore store) {
    String id = c.getDocumentId();
    if (store.document(id) != null) {
      return DedupOutcome.repeat();
    }
    List<String> titleBands = finder.titleBands(c);
    List<String> bodyBands = finder.bodyBands(c);
    Map<String, Match> matches = finder.find(c, titleBands, bodyBands, store);

    Match best = null;
    Map<String, ClusterState> roots = new TreeMap<>();
    for (Match match : matches.values()) {
      String root = findRoot(match.documentId(), store);
      ClusterState state = root == null ? null : store.article(root);
      if (state != null) {
        roots.put(root, state);
        best = match.betterThan(best) ? match : best;
      }
    }
    ArticleMember member =
        ArticleMember.newBuilder()
            .setDocumentId(id)
            .setUrl(c.getUrl())
            .setSource(c.getSource())
            .setEventTime(c.getEventTime())
            .setMatchedBy(best == null ? MatchSignal.FIRST : best.signal())
            .setSimilarity(best == null ? 1.0 : best.similarity())
            .setMatchedDocumentId(best == null ? null : best.documentId())
            .build();

    String target = earliest(id, c.getEventTime().toEpochMilli(), roots);
    ClusterState merged =
        target.equals(id) ? ArticleAssembler.start(id, c, member) : ArticleAssembler.add(roots.get(target), c, member);
    List<String> retired = new ArrayList<>();
    for (Map.Entry<String, ClusterState> root : roots.entrySet()) {
      if (!root.getKey().equals(target)) {
        merged = ArticleAssembler.merge(merged, root.getValue());
        store.deleteArticle(root.getKey());
        redirect(root.getKey(), target, store);
        retired.add(root.getKey());
      }
    }
    store.putArticle(target, merged);
    remember(c, target, titleBands, bodyBands, store);

    DedupDecision decision =
        DedupDecision.newBuilder()
            .setDocumentId(id)
            .setArticleId(target)
            .setMatchedBy(member.getMatchedBy())
            .setSimilarity(member.getSimilarity())
            .setMatchedDocumentId(member.getMatchedDocumentId())
            .setMergedArticleIds(retired)
            .setUrl(c.getUrl())
            .setTitle(c.getTitle())
            .setEventTime(c.getEventTime())
            .build();
    return new DedupOutcome(merged.getArticle(), retired, decision, false);
  }

  /** The id among the candidate and the matched articles with the earliest (first seen, id). */
  private static String earliest(String id, long time, Map<String, ClusterState> roots) {
    record Key(long time, String id) {}
    Comparator<Key> order = Comparator.comparingLong(Key::time).thenComparing(Key::id);
    Key best = new Key(time, id);
    for (Map.Entry<String, ClusterState> root : roots.entrySet()) {
      Key key = new Key(root.getValue().getArticle().getFirstSeen().toEpochMilli(), root.getKey());
      if (order.compare(key, best) < 0) {
        best = key;
      }
    }
    return best.id();
  }

  /** The article id a document belongs to, following redirects and shortening the path. */
  static String findRoot(String documentId, DedupStore store) {
    List<String> path = new ArrayList<>();
    String current = documentId;
    for (int hops = 0; hops < 10_000; hops++) {
      DedupDocument doc = store.document(current);
      if (doc == null) {
        return null; // forgotten beyond the horizon
      }
      if (doc.getParent().equals(current)) {
        for (String onPath : path.subList(0, Math.max(0, path.size() - 1))) {
          DedupDocument d = store.document(onPath);
          d.setParent(current);
          store.putDocument(onPath, d);
        }
        return current;
      }
      path.add(current);
      current = doc.getParent();
    }
    throw new IllegalStateException("redirect chain too long from document " + documentId);
  }

  private static void redirect(String retired, String target, DedupStore store) {
    DedupDocument doc = store.document(retired);
    if (doc != null) {
      doc.setParent(target);
      store.putDocument(retired, doc);
    }
  }

  private static void remember(
      ArticleCandidate c, String target, List<String> titleBands, List<String> bodyBands, DedupStore store) {
    String id = c.getDocumentId();
    store.putDocument(
        id,
        DedupDocument.newBuilder()
            .setParent(target)
            .setEventTime(c.getEventTime().toEpochMilli())
            .setTitleTokens(c.getTitleTokens())
            .setTitleInformative(c.getTitleInformative())
            .setBodySignature(c.getBodySignature())
            .build());
    for (String key : c.getUrlKeys()) {
      if (store.urlOwner(key) == null) {
        store.putUrlOwner(key, id);
      }
    }
    for (String band : titleBands) {
      file(band, id, store);
    }
    for (String band : bodyBands) {
      file(band, id, store);
    }
  }

  private static void file(String band, String id, DedupStore store) {
    List<String> ids = new ArrayList<>(store.band(band));
    ids.add(id);
    if (ids.size() > MAX_BAND_SIZE) {
      ids = ids.subList(ids.size() - MAX_BAND_SIZE, ids.size());
    }
    store.putBand(band, ids);
  }
}
