package news.pipeline.app.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import news.pipeline.app.Seeds;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.enrich.CandidateBuilder;
import news.pipeline.app.parse.MetadataRecordParser;
import news.pipeline.app.parse.ParseResult;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.MatchSignal;
import news.pipeline.avro.RawDocument;
import news.pipeline.avro.internal.ArticleCandidate;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

  private static final PipelineConfig CONFIG = ConfigLoader.load(null, Map.of(), Map.of()).orThrow();
  private final CandidateBuilder builder = new CandidateBuilder();

  private List<ArticleCandidate> seedRecordCandidates() {
    RawDocument raw = raw("8c0de6de77f2d51c", Seeds.read(Seeds.YAML_RECORD), Instant.parse("2020-06-11T04:00:00Z"));
    ParseResult parsed = new MetadataRecordParser(10_000_000).frontMatter(Seeds.read(Seeds.YAML_RECORD));
    List<ArticleCandidate> candidates = new ArrayList<>();
    for (int i = 0; i < parsed.drafts().size(); i++) {
      candidates.add(builder.build(raw, i, parsed.drafts().get(i)));
    }
    return candidates;
  }

  private static RawDocument raw(String id, String body, Instant fetched) {
    return RawDocument.newBuilder()
        .setId(id)
        .setContentType(ContentType.FRONT_MATTER)
        .setBody(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
        .setFetchedAt(fetched)
        .setSource("test")
        .build();
  }

  private static Map<String, Set<String>> run(List<ArticleCandidate> candidates, InMemoryDedupStore store) {
    Deduplicator dedup = new Deduplicator(CONFIG.dedup());
    candidates.forEach(c -> dedup.accept(c, store));
    Map<String, Set<String>> clusters = new TreeMap<>();
    store.articles().forEach(
        (id, state) ->
            clusters.put(
                id, state.getArticle().getMembers().stream().map(m -> m.getDocumentId()).collect(Collectors.toSet())));
    return clusters;
  }

  @Test
  void globeAndCharlotteObserverCopiesOfTheApStoryBecomeOneArticle() {
    List<ArticleCandidate> candidates = seedRecordCandidates();
    InMemoryDedupStore store = new InMemoryDedupStore();

    Map<String, Set<String>> clusters = run(candidates, store);

    CanonicalArticle globe = store.article("8c0de6de77f2d51c").getArticle();
    assertThat(globe.getMembers()).extracting(m -> m.getDocumentId()).contains("8c0de6de77f2d51c", "8c0de6de77f2d51c#9");
    assertThat(globe.getMembers()).filteredOn(m -> m.getDocumentId().equals("8c0de6de77f2d51c#9"))
        .singleElement().satisfies(m -> assertThat(m.getMatchedBy()).isEqualTo(MatchSignal.TITLE));
    assertThat(globe.getUrls()).anyMatch(u -> u.contains("charlotteobserver.com")).anyMatch(u -> u.contains("bostonglobe"));
    assertThat(clusters.values().stream().mapToInt(Set::size).sum()).isEqualTo(12);
    assertThat(clusters).as("Globe, Charlotte Observer and Houston Chronicle are one article").hasSize(10);
  }

  @Test
  void ampAndCacheUrlsOfOneArticleMatchByUrl() {
    ArticleCandidate first = seedRecordCandidates().get(1);
    ArticleCandidate copy =
        ArticleCandidate.newBuilder(first)
            .setDocumentId("recrawl")
            .setTitle("A different headline entirely for the recrawl")
            .setTitleTokens(List.of("different", "headline", "entirely", "recrawl"))
            .setUrlKeys(first.getUrlKeys().subList(0, 1))
            .setEventTime(first.getEventTime().plusSeconds(60))
            .build();
    InMemoryDedupStore store = new InMemoryDedupStore();

    Deduplicator dedup = new Deduplicator(CONFIG.dedup());
    dedup.accept(first, store);
    var outcome = dedup.accept(copy, store);

    assertThat(outcome.decision().getMatchedBy()).isEqualTo(MatchSignal.URL);
    assertThat(outcome.article().getId()).isEqualTo(first.getDocumentId());
  }

  /** The seed record's candidates with event times spread over a day, plus URL re-crawls. */
  private List<ArticleCandidate> spreadCandidates() {
    List<ArticleCandidate> base = seedRecordCandidates();
    List<ArticleCandidate> all = new ArrayList<>();
    for (int i = 0; i < base.size(); i++) {
      ArticleCandidate c = base.get(i);
      Instant time = c.getEventTime().minusSeconds(((i * 7919L) % 24) * 3600);
      all.add(ArticleCandidate.newBuilder(c).setEventTime(time).build());
      all.add(
          ArticleCandidate.newBuilder(c)
              .setDocumentId(c.getDocumentId() + "-recrawl")
              .setEventTime(time.plusSeconds(600 + i))
              .setTitleInformative(false)
              .build());
    }
    return all;
  }

  /** The articles as last published: a representative kept by position is read back from the log. */
  private static Map<String, CanonicalArticle> articles(List<ArticleCandidate> candidates) {
    InMemoryDedupStore store = new InMemoryDedupStore();
    InMemoryCandidateLog log = new InMemoryCandidateLog();
    Deduplicator dedup = new Deduplicator(CONFIG.dedup(), log);
    candidates.forEach(c -> dedup.accept(c, log.append(c), store));
    Map<String, CanonicalArticle> result = new TreeMap<>();
    store.articles().forEach(
        (id, state) -> {
          if (state.getRepresentativePosition() >= 0) {
            ArticleAssembler.fill(state, log.read(state.getRepresentativePosition()));
          }
          result.put(id, ArticleAssembler.published(state));
        });
    return result;
  }

  /** {@link #spreadCandidates()}, the re-crawls with bodies of different lengths: they represent their articles. */
  private List<ArticleCandidate> spreadCandidatesWithBodies() {
    List<ArticleCandidate> all = new ArrayList<>();
    for (ArticleCandidate c : spreadCandidates()) {
      if (c.getDocumentId().endsWith("-recrawl")) {
        String text = ("Body of " + c.getDocumentId() + ". ").repeat(5 + Math.floorMod(c.getDocumentId().hashCode(), 7));
        c = ArticleCandidate.newBuilder(c).setText(text).setWordCount(text.split(" ").length).build();
      }
      all.add(c);
    }
    return all;
  }

  @Test
  void resultWithRepresentativesReadBackFromTheLogDoesNotDependOnArrivalOrder() {
    List<ArticleCandidate> candidates = spreadCandidatesWithBodies();
    Map<String, CanonicalArticle> expected = articles(candidates);
    Random random = new Random(7);
    for (int i = 0; i < 30; i++) {
      List<ArticleCandidate> shuffled = new ArrayList<>(candidates);
      Collections.shuffle(shuffled, random);
      assertThat(articles(shuffled)).as("shuffle %d", i).isEqualTo(expected);
    }
    assertThat(expected.values()).allSatisfy(a -> assertThat(a.getText()).startsWith("Body of "));
  }

  @Test
  void anOfflineRunHoldsOneCandidatePerLiveArticle() {
    List<ArticleCandidate> candidates = spreadCandidatesWithBodies();
    InMemoryDedupStore store = new InMemoryDedupStore();
    Deduplicator dedup = new Deduplicator(CONFIG.dedup());
    candidates.forEach(c -> dedup.accept(c, store));
    dedup.accept(candidates.get(3), store);

    assertThat(dedup.candidatesHeld()).isEqualTo(store.articles().size()).isEqualTo(10);
    long latest = candidates.stream().mapToLong(c -> c.getEventTime().toEpochMilli()).max().orElseThrow();
    dedup.evict(latest + 1, store, 1000);
    assertThat(dedup.candidatesHeld()).isZero();
  }

  @Test
  void theStateKeepsARepresentativeWithABodyByItsPositionInTheLogAndPublishesItWhole() {
    ArticleCandidate record = seedRecordCandidates().get(1);
    String text = "The whole text of the page, paragraph after paragraph. ".repeat(40);
    ArticleCandidate page =
        ArticleCandidate.newBuilder(record).setDocumentId("page").setTitle("The page's own headline").setText(text)
            .setEventTime(record.getEventTime().plusSeconds(60)).build();
    ArticleCandidate recordAgain =
        ArticleCandidate.newBuilder(record).setDocumentId("record-again").setEventTime(record.getEventTime().plusSeconds(120)).build();
    InMemoryDedupStore store = new InMemoryDedupStore();
    InMemoryCandidateLog log = new InMemoryCandidateLog();
    Deduplicator dedup = new Deduplicator(CONFIG.dedup(), log);

    dedup.accept(record, log.append(record), store);
    DedupOutcome upgraded = dedup.accept(page, log.append(page), store);
    DedupOutcome outcome = dedup.accept(recordAgain, log.append(recordAgain), store);

    var kept = store.article(record.getDocumentId());
    assertThat(kept.getRepresentativeId()).isEqualTo("page");
    assertThat(kept.getRepresentativePosition()).isEqualTo(1);
    assertThat(kept.getArticle().getText()).as("no text in the state").isNull();
    assertThat(kept.getArticle().getTitle()).isNull();
    assertThat(upgraded.article().getText()).isEqualTo(text);
    assertThat(outcome.article().getText()).as("read back from the log").isEqualTo(text);
    assertThat(outcome.article().getTitle()).isEqualTo("The page's own headline");
    assertThat(outcome.article().getMemberCount()).isEqualTo(3);
  }

  @Test
  void aRepresentativeTheLogNoLongerHoldsIsReplacedByTheNewMember() {
    ArticleCandidate record = seedRecordCandidates().get(1);
    ArticleCandidate page =
        ArticleCandidate.newBuilder(record).setDocumentId("page").setText("A long text. ".repeat(100))
            .setEventTime(record.getEventTime().plusSeconds(60)).build();
    ArticleCandidate laterPage =
        ArticleCandidate.newBuilder(record).setDocumentId("later-page").setText("A shorter text.")
            .setEventTime(record.getEventTime().plusSeconds(120)).build();
    InMemoryDedupStore store = new InMemoryDedupStore();
    InMemoryCandidateLog log = new InMemoryCandidateLog();
    Deduplicator dedup = new Deduplicator(CONFIG.dedup(), log);

    dedup.accept(page, log.append(page), store);
    log.forgetBelow(1);
    DedupOutcome outcome = dedup.accept(laterPage, log.append(laterPage), store);

    assertThat(outcome.article().getId()).isEqualTo("page");
    assertThat(outcome.article().getText()).as("published whole, from the new member").isEqualTo("A shorter text.");
    assertThat(store.article("page").getRepresentativeId()).isEqualTo("later-page");
    assertThat(store.article("page").getRepresentativePosition()).isEqualTo(1);
  }

  @Test
  void resultDoesNotDependOnArrivalOrder() {
    List<ArticleCandidate> candidates = spreadCandidates();
    Map<String, CanonicalArticle> expected = articles(candidates);
    Random random = new Random(42);
    for (int i = 0; i < 30; i++) {
      List<ArticleCandidate> shuffled = new ArrayList<>(candidates);
      Collections.shuffle(shuffled, random);
      assertThat(articles(shuffled)).as("shuffle %d: ids, members, matched-by and content", i).isEqualTo(expected);
    }
    assertThat(expected).hasSize(10);
    assertThat(expected.values().stream().mapToInt(CanonicalArticle::getMemberCount).sum()).isEqualTo(24);
  }

  @Test
  void everyMemberButTheEarliestNamesTheEarlierDocumentItMatched() {
    for (CanonicalArticle article : articles(spreadCandidates()).values()) {
      List<news.pipeline.avro.ArticleMember> members = article.getMembers();
      assertThat(members.get(0).getMatchedBy()).isEqualTo(MatchSignal.FIRST);
      assertThat(members.get(0).getDocumentId()).isEqualTo(article.getId());
      members.stream().skip(1).forEach(m -> assertThat(m.getMatchedBy()).isNotEqualTo(MatchSignal.FIRST));
    }
  }

  @Test
  void aStoryCopiedHundredsOfTimesKeepsABoundedMemberList() {
    ArticleCandidate first = seedRecordCandidates().get(1);
    InMemoryDedupStore store = new InMemoryDedupStore();
    Deduplicator dedup = new Deduplicator(CONFIG.dedup());
    DedupOutcome last = null;
    for (int i = 0; i < 150; i++) {
      last = dedup.accept(
          ArticleCandidate.newBuilder(first).setDocumentId(String.format("copy-%03d", i))
              .setEventTime(first.getEventTime().plusSeconds(i)).build(),
          store);
    }

    assertThat(last.article().getMemberCount()).isEqualTo(150);
    assertThat(last.article().getMembers()).hasSize(ArticleAssembler.MAX_MEMBERS);
    assertThat(last.article().getMembers().get(0).getDocumentId()).isEqualTo("copy-000");
  }

  @Test
  void articlesBeyondTheHorizonAreForgottenWithAllTheirState() {
    List<ArticleCandidate> candidates = spreadCandidates();
    InMemoryDedupStore store = new InMemoryDedupStore();
    Deduplicator dedup = new Deduplicator(CONFIG.dedup());
    candidates.forEach(c -> dedup.accept(c, store));
    long latest = candidates.stream().mapToLong(c -> c.getEventTime().toEpochMilli()).max().orElseThrow();

    assertThat(dedup.evict(latest - 48 * 3600_000L, store, 1000)).isZero();
    int evicted = dedup.evict(latest + 1, store, 1000);

    assertThat(evicted).isEqualTo(10);
    assertThat(store.documents).isEmpty();
    assertThat(store.content).isEmpty();
    assertThat(store.urls).isEmpty();
    assertThat(store.bands).isEmpty();
    assertThat(store.members).isEmpty();
    assertThat(store.expiry).isEmpty();
    DedupOutcome again = dedup.accept(candidates.get(0), store);
    assertThat(again.repeated()).as("a forgotten document starts a new article").isFalse();
  }

  @Test
  void earlierCopyArrivingLateTakesOverTheArticleAndRetiresTheLaterId() {
    ArticleCandidate globe = seedRecordCandidates().get(0);
    ArticleCandidate earlier =
        ArticleCandidate.newBuilder(globe).setDocumentId("older").setEventTime(globe.getEventTime().minusSeconds(3600)).build();
    InMemoryDedupStore store = new InMemoryDedupStore();
    Deduplicator dedup = new Deduplicator(CONFIG.dedup());

    dedup.accept(globe, store);
    DedupOutcome outcome = dedup.accept(earlier, store);

    assertThat(outcome.article().getId()).isEqualTo("older");
    assertThat(outcome.retiredArticleIds()).containsExactly(globe.getDocumentId());
    assertThat(store.articles()).containsOnlyKeys("older");
    assertThat(Deduplicator.findRoot(globe.getDocumentId(), store)).isEqualTo("older");
  }

  @Test
  void aDocumentSeenBeforeChangesNothing() {
    ArticleCandidate globe = seedRecordCandidates().get(0);
    InMemoryDedupStore store = new InMemoryDedupStore();
    Deduplicator dedup = new Deduplicator(CONFIG.dedup());

    dedup.accept(globe, store);
    DedupOutcome again = dedup.accept(globe, store);

    assertThat(again.repeated()).isTrue();
    assertThat(store.article(globe.getDocumentId()).getArticle().getMembers()).hasSize(1);
  }

  @Test
  void similarTitlesOutsideTheHorizonStayApart() {
    ArticleCandidate globe = seedRecordCandidates().get(0);
    ArticleCandidate muchLater =
        ArticleCandidate.newBuilder(globe)
            .setDocumentId("later")
            .setUrlKeys(List.of("example.com/other"))
            .setEventTime(globe.getEventTime().plus(CONFIG.dedup().horizon()).plusSeconds(1))
            .build();
    InMemoryDedupStore store = new InMemoryDedupStore();
    Deduplicator dedup = new Deduplicator(CONFIG.dedup());

    dedup.accept(globe, store);
    DedupOutcome outcome = dedup.accept(muchLater, store);

    assertThat(outcome.article().getId()).isEqualTo("later");
    assertThat(store.articles()).hasSize(2);
  }
}
