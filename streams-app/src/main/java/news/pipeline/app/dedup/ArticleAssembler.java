package news.pipeline.app.dedup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import news.pipeline.avro.ArticleMember;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.avro.internal.ClusterState;

/**
 * Keeps a canonical article's state: members in (event time, id) order, every URL it is known by,
 * and its representative fields taken from the best member: one with a body, then the longest clean
 * text, then the earliest. That order is total, so the result does not depend on arrival order, and
 * a metadata-only article is upgraded when the full page arrives.
 */
final class ArticleAssembler {

  static final Comparator<ArticleMember> MEMBER_ORDER =
      Comparator.comparing(ArticleMember::getEventTime).thenComparing(ArticleMember::getDocumentId);

  private ArticleAssembler() {}

  /** A new article whose only member is the candidate. */
  static ClusterState start(String articleId, ArticleCandidate candidate, ArticleMember member) {
    CanonicalArticle article =
        CanonicalArticle.newBuilder()
            .setId(articleId)
            .setUrls(sortedUnion(List.of(), candidate.getUrls()))
            .setTopics(sortedUnion(List.of(), candidate.getTopics()))
            .setFirstSeen(candidate.getEventTime())
            .setLastSeen(candidate.getEventTime())
            .setMembers(new ArrayList<>(List.of(member)))
            .build();
    copyRepresentative(candidate, article);
    return new ClusterState(
        article, candidate.getDocumentId(), candidate.getEventTime().toEpochMilli(), hasBody(candidate), textLength(candidate));
  }

  /** The article with one more member. */
  static ClusterState add(ClusterState state, ArticleCandidate candidate, ArticleMember member) {
    ClusterState single = start(state.getArticle().getId(), candidate, member);
    return merge(state, single);
  }

  /** Two articles as one, under {@code into}'s id. */
  static ClusterState merge(ClusterState into, ClusterState other) {
    CanonicalArticle a = into.getArticle();
    CanonicalArticle b = other.getArticle();
    ClusterState best = betterRepresentative(into, other) ? other : into;
    CanonicalArticle merged = CanonicalArticle.newBuilder(best.getArticle()).build();
    merged.setId(a.getId());
    merged.setUrls(sortedUnion(a.getUrls(), b.getUrls()));
    merged.setTopics(sortedUnion(a.getTopics(), b.getTopics()));
    merged.setFirstSeen(min(a.getFirstSeen(), b.getFirstSeen()));
    merged.setLastSeen(a.getLastSeen().isAfter(b.getLastSeen()) ? a.getLastSeen() : b.getLastSeen());
    List<ArticleMember> members = new ArrayList<>(a.getMembers());
    for (ArticleMember m : b.getMembers()) {
      if (members.stream().noneMatch(x -> x.getDocumentId().equals(m.getDocumentId()))) {
        members.add(m);
      }
    }
    members.sort(MEMBER_ORDER);
    merged.setMembers(members);
    return new ClusterState(
        merged, best.getRepresentativeId(), best.getRepresentativeTime(), best.getRepresentativeHasBody(),
        best.getRepresentativeTextLength());
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

  private static List<String> sortedUnion(List<String> a, List<String> b) {
    TreeSet<String> set = new TreeSet<>(a);
    set.addAll(b);
    return new ArrayList<>(set);
  }

  private static java.time.Instant min(java.time.Instant a, java.time.Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
