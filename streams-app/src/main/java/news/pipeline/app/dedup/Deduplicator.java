package news.pipeline.app.dedup;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.dedup.similarity.BandKeys;
import news.pipeline.avro.ArticleMember;
import news.pipeline.avro.CanonicalArticle;
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
 *
 * <p>Every link found is recorded on both of its documents; a member's matched-by is its best
 * link, and the earliest member shows FIRST, so the final articles do not depend on the order
 * documents arrived in.
 */
public final class Deduplicator {

  private static final Logger LOGGER = LoggerFactory.getLogger(Deduplicator.class);

  private final MatchFinder finder;
  private final CandidateLog log;
  private final InMemoryCandidateLog memoryLog;

  /**
   * For tests and offline runs: the candidates given to {@link #accept(ArticleCandidate,
   * DedupStore)} are kept in memory.
   */
  public Deduplicator(PipelineConfig.Dedup settings) {
    this.finder = new MatchFinder(settings);
    this.memoryLog = new InMemoryCandidateLog();
    this.log = memoryLog;
  }

  /**
   * Reads representatives back from {@code log}, where the positions given to {@link
   * #accept(ArticleCandidate, long, DedupStore)} point.
   */
  public Deduplicator(PipelineConfig.Dedup settings, CandidateLog log) {
    this.finder = new MatchFinder(settings);
    this.memoryLog = null;
    this.log = log;
  }

  /** Appends the candidate to the in-memory log, then decides. */
  public DedupOutcome accept(ArticleCandidate c, DedupStore store) {
    if (memoryLog == null) {
      throw new IllegalStateException("this deduplicator reads a candidate log: give each candidate's position");
    }
    long position = memoryLog.append(c);
    DedupOutcome outcome = accept(c, position, store);
    if (outcome.repeated()) {
      memoryLog.release(position);
    }
    return outcome;
  }

  /**
   * Decides where the candidate at {@code position} of the candidate log belongs, updates the state
   * and returns the article as it is now.
   */
  public DedupOutcome accept(ArticleCandidate c, long position, DedupStore store) {
    String id = c.getDocumentId();
    if (store.document(id) != null) {
      return DedupOutcome.repeat();
    }
    long time = c.getEventTime().toEpochMilli();
    int[] title = BandKeys.titleHashes(c.getTitleTokens());
    int[] body = MatchFinder.toArray(c.getBodySignature());
    int[] titleBands = finder.titleBands(c, title);
    int[] bodyBands = finder.bodyBands(body);
    List<UrlClaim> claims = UrlClaim.of(c, store);
    Map<String, Match> matches = finder.find(c, title, body, claims, titleBands, bodyBands, store);

    Match own = null;
    Map<String, Match> backLinks = new TreeMap<>();
    Map<String, ClusterState> roots = new TreeMap<>();
    for (Match match : matches.values()) {
      String root = findRoot(match.documentId(), store);
      ClusterState state = root == null ? null : roots.containsKey(root) ? roots.get(root) : store.article(root);
      if (state == null) {
        continue;
      }
      roots.put(root, state);
      own = match.betterThan(own) ? match : own;
      backLinks.put(match.documentId(), new Match(id, match.signal(), match.similarity()));
    }
    ArticleMember member =
        ArticleMember.newBuilder()
            .setDocumentId(id)
            .setUrl(c.getUrl())
            .setSource(c.getSource())
            .setEventTime(c.getEventTime())
            .setMatchedBy(own == null ? MatchSignal.FIRST : own.signal())
            .setSimilarity(own == null ? 1.0 : own.similarity())
            .build();

    String target = earliest(id, time, roots);
    ClusterState previous = roots.get(target);
    ClusterState merged =
        previous == null
            ? ArticleAssembler.start(id, c, position, member)
            : ArticleAssembler.add(previous, c, position, member);
    List<String> retired = new ArrayList<>();
    for (Map.Entry<String, ClusterState> root : roots.entrySet()) {
      if (!root.getKey().equals(target)) {
        merged = ArticleAssembler.merge(merged, root.getValue());
        store.deleteArticle(root.getKey());
        store.deleteExpiry(root.getValue().getArticle().getLastSeen().toEpochMilli(), root.getKey());
        redirect(root.getKey(), target, store);
        for (String memberId : store.members(root.getKey())) {
          store.removeMember(root.getKey(), memberId);
          store.addMember(target, memberId);
        }
        retired.add(root.getKey());
      }
    }
    for (Map.Entry<String, Match> link : backLinks.entrySet()) {
      ArticleAssembler.relink(merged, link.getKey(), link.getValue());
    }
    if (previous != null) {
      store.deleteExpiry(previous.getArticle().getLastSeen().toEpochMilli(), target);
    }
    store.putExpiry(merged.getArticle().getLastSeen().toEpochMilli(), target);
    CanonicalArticle published = publish(merged, c, position);
    if (memoryLog != null) {
      // the in-memory log keeps only the candidates that still represent an article
      releaseUnless(position, merged);
      for (ClusterState root : roots.values()) {
        releaseUnless(root.getRepresentativePosition(), merged);
      }
    }
    store.putArticle(target, ArticleAssembler.stored(merged));
    store.addMember(target, id);
    remember(c, target, title, body, claims, titleBands, bodyBands, store);

    DedupDecision decision =
        DedupDecision.newBuilder()
            .setDocumentId(id)
            .setArticleId(target)
            .setMatchedBy(member.getMatchedBy())
            .setSimilarity(member.getSimilarity())
            .setMatchedDocumentId(own == null ? null : own.documentId())
            .setMergedArticleIds(retired)
            .setUrl(c.getUrl())
            .setTitle(c.getTitle())
            .setEventTime(c.getEventTime())
            .build();
    return new DedupOutcome(published, retired, decision, false);
  }

  /** How many candidates the in-memory log holds (one per live article); -1 with an outside log. */
  int candidatesHeld() {
    return memoryLog == null ? -1 : memoryLog.size();
  }

  private void releaseUnless(long position, ClusterState survivor) {
    if (position >= 0 && position != survivor.getRepresentativePosition()) {
      memoryLog.release(position);
    }
  }

  /**
   * The article as published, its representative's fields filled in: from the candidate in hand
   * when it is the representative, else read back from the candidate log. When the log no longer
   * holds the representative (it outlived the log's retention), the candidate in hand takes its
   * place, so the article is still published whole.
   */
  private CanonicalArticle publish(ClusterState merged, ArticleCandidate c, long position) {
    if (merged.getRepresentativePosition() >= 0 && !merged.getRepresentativeId().equals(c.getDocumentId())) {
      ArticleCandidate representative = log.read(merged.getRepresentativePosition());
      if (representative == null || !representative.getDocumentId().equals(merged.getRepresentativeId())) {
        LOGGER.warn(
            "the representative of an article is no longer in the candidate log (older than its retention);"
                + " the new member represents it article={} representative={} position={} newRepresentative={}",
            merged.getArticle().getId(), merged.getRepresentativeId(), merged.getRepresentativePosition(), c.getDocumentId());
        ArticleAssembler.represent(merged, c, position);
      } else {
        ArticleAssembler.fill(merged, representative);
      }
    }
    return ArticleAssembler.published(merged);
  }

  /**
   * Forgets articles whose latest member is older than {@code cutoffMillis}, with their documents
   * and index entries: state stays bounded by the horizon. The articles stay on the canonical topic.
   *
   * @return how many articles were forgotten
   */
  public int evict(long cutoffMillis, DedupStore store, int max) {
    List<DedupStore.Expiry> expired = store.expiredArticles(cutoffMillis, max);
    for (DedupStore.Expiry entry : expired) {
      for (String memberId : store.members(entry.articleId())) {
        forget(memberId, store);
        store.removeMember(entry.articleId(), memberId);
      }
      if (memoryLog != null) {
        ClusterState state = store.article(entry.articleId());
        if (state != null && state.getRepresentativePosition() >= 0) {
          memoryLog.release(state.getRepresentativePosition());
        }
      }
      store.deleteArticle(entry.articleId());
      store.deleteExpiry(entry.lastSeenMillis(), entry.articleId());
    }
    return expired.size();
  }

  private static void forget(String documentId, DedupStore store) {
    DedupDocument doc = store.document(documentId);
    if (doc == null) {
      return;
    }
    for (long url : StateKeys.unpackLongs(StateKeys.bytes(doc.getOwnedUrlKeys()))) {
      if (documentId.equals(store.urlOwner(url))) {
        store.deleteUrlOwner(url);
      }
    }
    for (int band : BandKeys.titleCodes(MatchFinder.titleOf(doc), doc.getTitleInformative())) {
      store.removeFromBand(band, documentId);
    }
    for (int band : BandKeys.bodyCodes(MatchFinder.bodyOf(doc))) {
      store.removeFromBand(band, documentId);
    }
    store.deleteDocument(documentId);
  }

  private static boolean earlier(long timeA, String idA, long timeB, String idB) {
    return timeA != timeB ? timeA < timeB : idA.compareTo(idB) < 0;
  }

  /** The id among the candidate and the matched articles with the earliest (first seen, id). */
  private static String earliest(String id, long time, Map<String, ClusterState> roots) {
    String best = id;
    long bestTime = time;
    for (Map.Entry<String, ClusterState> root : roots.entrySet()) {
      long rootTime = root.getValue().getArticle().getFirstSeen().toEpochMilli();
      if (earlier(rootTime, root.getKey(), bestTime, best)) {
        best = root.getKey();
        bestTime = rootTime;
      }
    }
    return best;
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
      String parent = parentOf(current, doc);
      if (parent.equals(current)) {
        for (String onPath : path.subList(0, Math.max(0, path.size() - 1))) {
          DedupDocument d = store.document(onPath);
          d.setParent(parentRef(onPath, current));
          store.putDocument(onPath, d);
        }
        return current;
      }
      path.add(current);
      current = parent;
    }
    throw new IllegalStateException("redirect chain too long from document " + documentId);
  }

  private static void redirect(String retired, String target, DedupStore store) {
    DedupDocument doc = store.document(retired);
    if (doc != null) {
      doc.setParent(parentRef(retired, target));
      store.putDocument(retired, doc);
    }
  }

  /** A document's union-find parent: stored packed, empty for a root. */
  static String parentOf(String documentId, DedupDocument doc) {
    byte[] parent = StateKeys.bytes(doc.getParent());
    return parent.length == 0 ? documentId : StateKeys.documentId(parent);
  }

  private static ByteBuffer parentRef(String documentId, String parent) {
    return ByteBuffer.wrap(documentId.equals(parent) ? new byte[0] : StateKeys.packId(parent));
  }

  private static void remember(
      ArticleCandidate c,
      String target,
      int[] title,
      int[] body,
      List<UrlClaim> claims,
      int[] titleBands,
      int[] bodyBands,
      DedupStore store) {
    String id = c.getDocumentId();
    long[] owned = new long[claims.size()];
    int count = 0;
    for (UrlClaim claim : claims) {
      if (claim.ownerDocument() == null) {
        store.putUrlOwner(claim.urlHash(), id);
        owned[count++] = claim.urlHash();
      }
    }
    store.putDocument(
        id,
        DedupDocument.newBuilder()
            .setParent(parentRef(id, target))
            .setEventTime(c.getEventTime().toEpochMilli())
            .setTitleTokenHashes(ByteBuffer.wrap(BandKeys.packTitle(title)))
            .setTitleInformative(c.getTitleInformative())
            .setBodySketch(ByteBuffer.wrap(BandKeys.pack(body)))
            .setOwnedUrlKeys(ByteBuffer.wrap(StateKeys.packLongs(owned, count)))
            .build());
    for (int band : titleBands) {
      store.addToBand(band, id);
    }
    for (int band : bodyBands) {
      store.addToBand(band, id);
    }
  }
}
