package news.pipeline.app.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import news.pipeline.avro.ArticleMember;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.MatchSignal;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.avro.internal.ClusterState;

/**
 * Keeps a canonical article's state: members in (event time, id) order, every URL it is known by,
 * and its representative fields taken from the best member: one with a body, then the longest clean
 * text, then the earliest. Every choice is a total order, so the result does not depend on arrival
 * order, and a metadata-only article is upgraded when the full page arrives. A wire story copied
 * hundreds of times keeps a small event: the earliest {@link #MAX_MEMBERS} members, the first
 * {@link #MAX_URLS} URLs, and the full count.
 */
final class ArticleAssembler {

  static final int MAX_MEMBERS = 100;
  static final int MAX_URLS = 500;

  static final Comparator<ArticleMember> MEMBER_ORDER =
      Comparator.comparing(ArticleMember::getEventTime).thenComparing(ArticleMember::getDocumentId);

  private ArticleAssembler() {}

  /** A new article whose only member is the candidate, found at {@code position} of the candidate log. */
  static ClusterState start(String articleId, ArticleCandidate candidate, long position, ArticleMember member) {
    CanonicalArticle article =
        CanonicalArticle.newBuilder()
            .setId(articleId)
            .setUrls(sortedUnion(List.of(), candidate.getUrls(), MAX_URLS))
            .setTopics(sortedUnion(List.of(), candidate.getTopics(), MAX_URLS))
            .setFirstSeen(candidate.getEventTime())
            .setLastSeen(candidate.getEventTime())
            .setMembers(new ArrayList<>(List.of(member)))
            .setMemberCount(1)
            .build();
    copyRepresentative(candidate, article);
    return new ClusterState(
        article, candidate.getDocumentId(), candidate.getEventTime().toEpochMilli(), hasBody(candidate),
        textLength(candidate), position);
  }

  /** The article with one more member. */
  static ClusterState add(ClusterState state, ArticleCandidate candidate, long position, ArticleMember member) {
    return merge(state, start(state.getArticle().getId(), candidate, position, member));
  }

  /**
   * The state to keep: the representative's fields are left out (the candidate log holds them at
   * {@code representativePosition}), so the state of a live article is its membership and URLs,
   * not its text or excerpt. State written before positions were kept ({@code -1}) keeps them.
   * Clears them in {@code state} itself (a decision's state is built fresh, and what is published
   * is a copy) and returns it.
   */
  static ClusterState stored(ClusterState state) {
    if (state.getRepresentativePosition() < 0) {
      return state;
    }
    CanonicalArticle article = state.getArticle();
    article.setTitle(null);
    article.setUrl(null);
    article.setSiteName(null);
    article.setLanguage(null);
    article.setAuthors(List.of());
    article.setPublishedAt(null);
    article.setModifiedAt(null);
    article.setExcerpt(null);
    article.setText(null);
    article.setWordCount(0);
    article.setIsArticle(true);
    return state;
  }

  /** Puts the representative's fields, read back from the candidate log, into the article. */
  static void fill(ClusterState state, ArticleCandidate representative) {
    copyRepresentative(representative, state.getArticle());
  }

  /**
   * Makes {@code candidate} (at {@code position}) the representative, whatever the order says: only
   * for when the chosen representative can no longer be read back.
   */
  static void represent(ClusterState state, ArticleCandidate candidate, long position) {
    copyRepresentative(candidate, state.getArticle());
    state.setRepresentativeId(candidate.getDocumentId());
    state.setRepresentativeTime(candidate.getEventTime().toEpochMilli());
    state.setRepresentativeHasBody(hasBody(candidate));
    state.setRepresentativeTextLength(textLength(candidate));
    state.setRepresentativePosition(position);
  }

  /** Two articles as one, under {@code into}'s id. */
  static ClusterState merge(ClusterState into, ClusterState other) {
    CanonicalArticle a = into.getArticle();
    CanonicalArticle b = other.getArticle();
    ClusterState best = betterRepresentative(into, other) ? other : into;
    CanonicalArticle merged = CanonicalArticle.newBuilder(best.getArticle()).build();
    merged.setId(a.getId());
    merged.setUrls(sortedUnion(a.getUrls(), b.getUrls(), MAX_URLS));
    merged.setTopics(sortedUnion(a.getTopics(), b.getTopics(), MAX_URLS));
    merged.setFirstSeen(a.getFirstSeen().isBefore(b.getFirstSeen()) ? a.getFirstSeen() : b.getFirstSeen());
    merged.setLastSeen(a.getLastSeen().isAfter(b.getLastSeen()) ? a.getLastSeen() : b.getLastSeen());
    List<ArticleMember> members = new ArrayList<>(a.getMembers());
    for (ArticleMember m : b.getMembers()) {
      if (members.stream().noneMatch(x -> x.getDocumentId().equals(m.getDocumentId()))) {
        members.add(m);
      }
    }
    members.sort(MEMBER_ORDER);
    merged.setMembers(new ArrayList<>(members.subList(0, Math.min(MAX_MEMBERS, members.size()))));
    // a document is a member of one article only, so two articles' members never overlap
    merged.setMemberCount(a.getMemberCount() + b.getMemberCount());
    return new ClusterState(
        merged, best.getRepresentativeId(), best.getRepresentativeTime(), best.getRepresentativeHasBody(),
        best.getRepresentativeTextLength(), best.getRepresentativePosition());
  }

  /**
   * The article as consumers see it: the earliest member (the article's id) shows FIRST. The state
   * keeps every member's best link, the earliest's too, in case an earlier copy arrives later.
   */
  static CanonicalArticle published(ClusterState state) {
    CanonicalArticle article = CanonicalArticle.newBuilder(state.getArticle()).build();
    for (ArticleMember m : article.getMembers()) {
      if (m.getDocumentId().equals(article.getId())) {
        m.setMatchedBy(MatchSignal.FIRST);
        m.setSimilarity(1.0);
      }
    }
    return article;
  }

  /**
   * Records a link of {@code member}'s when its signal and similarity beat the best it has. Which
   * document it links to is left out of the article on purpose: with several equally good links
   * that choice would depend on arrival order (the decisions topic records it).
   */
  static void relink(ClusterState state, String memberId, Match link) {
    for (ArticleMember m : state.getArticle().getMembers()) {
      if (m.getDocumentId().equals(memberId)) {
        Match current =
            m.getMatchedBy() == MatchSignal.FIRST ? null : new Match(link.documentId(), m.getMatchedBy(), m.getSimilarity());
        if (link.betterThan(current)) {
          m.setMatchedBy(link.signal());
          m.setSimilarity(link.similarity());
        }
        return;
      }
    }
  }

  /** Whether {@code candidate} should represent the article instead of {@code current}'s representative. */
  private static boolean betterRepresentative(ClusterState current, ClusterState candidate) {
    if (candidate.getRepresentativeHasBody() != current.getRepresentativeHasBody()) {
      return candidate.getRepresentativeHasBody();
    }
    if (candidate.getRepresentativeTextLength() != current.getRepresentativeTextLength()) {
      return candidate.getRepresentativeTextLength() > current.getRepresentativeTextLength();
    }
    if (candidate.getRepresentativeTime() != current.getRepresentativeTime()) {
      return candidate.getRepresentativeTime() < current.getRepresentativeTime();
    }
    return candidate.getRepresentativeId().compareTo(current.getRepresentativeId()) < 0;
  }

  private static void copyRepresentative(ArticleCandidate c, CanonicalArticle article) {
    article.setTitle(c.getTitle());
    article.setUrl(c.getUrl());
    article.setSiteName(c.getSiteName());
    article.setLanguage(c.getLanguage());
    article.setAuthors(c.getAuthors());
    article.setPublishedAt(c.getPublishedAt());
    article.setModifiedAt(c.getModifiedAt());
    article.setExcerpt(c.getExcerpt());
    article.setText(c.getText());
    article.setWordCount(c.getWordCount());
    article.setIsArticle(c.getIsArticle());
  }

  private static boolean hasBody(ArticleCandidate c) {
    return c.getText() != null && !c.getText().isBlank();
  }

  private static int textLength(ArticleCandidate c) {
    return c.getText() == null ? 0 : c.getText().length();
  }

  private static List<String> sortedUnion(List<String> a, List<String> b, int max) {
    TreeSet<String> set = new TreeSet<>(a);
    set.addAll(b);
    List<String> all = new ArrayList<>(set);
    return all.size() <= max ? all : new ArrayList<>(all.subList(0, max));
  }
}
