package news.pipeline.app.dedup.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import news.pipeline.app.Seeds;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seeds part of the dedup quality set through the real parse, enrich and dedup path. */
class SeedQualitySetTest {

  private static final PipelineConfig.Dedup SETTINGS = ConfigLoader.load(null, Map.of(), Map.of()).orThrow().dedup();

  private static QualitySet set;
  private static DedupRun.Result run;

  @BeforeAll
  static void runSeedSet() {
    set = SeedQualitySet.build(Seeds.DIR, DedupQualityBenchmark.SEED);
    run = new DedupRun(SETTINGS).run(set, DedupQualityBenchmark.SEED);
  }

  @Test
  void seedsAsTheyAreGiveFourteenArticlesWithTheGlobeCopiesMerged() {
    QualitySet originals = SeedQualitySet.originals(Seeds.DIR);
    DedupRun.Result result = new DedupRun(SETTINGS).run(originals, 1);

    QualityScore score = PairwiseScorer.score(originals.labels(), result.articleOf(), originals.hardNegatives());

    assertThat(originals.labels()).hasSize(16);
    assertThat(score.predictedArticles()).isEqualTo(14);
    assertThat(score.overall().samePairs()).as("Globe, Charlotte Observer, Houston Chronicle").isEqualTo(3);
    assertThat(score.overall().recall()).isEqualTo(1.0);
    assertThat(score.overall().precision()).isEqualTo(1.0);
  }

  @Test
  void everyCopyOfTheGlobeStoryEndsInOneArticle() {
    Set<String> articles =
        set.labels().entrySet().stream()
            .filter(e -> e.getValue().gold().equals("s001-0"))
            .map(e -> run.articleOf().get(e.getKey()))
            .collect(Collectors.toSet());

    assertThat(articles).hasSize(1);
  }

  @Test
  void differentArticlesAboutTheSameEventStayApart() {
    QualityScore score = PairwiseScorer.score(set.labels(), run.articleOf(), set.hardNegatives());

    assertThat(score.hardNegativesTotal().pairs()).isGreaterThan(1000);
    assertThat(score.hardNegativesTotal().merged()).isZero();
    assertThat(score.predictedArticles()).isGreaterThanOrEqualTo(score.goldArticles());
  }

  @Test
  void eachTextDumpKeepsItsRewrappedAndAffixedCopies() {
    for (String dump : new String[] {"s000", "s002", "s003", "s004"}) {
      String article = run.articleOf().get(dump);
      assertThat(run.articleOf().get(dump + "-srewrap")).as(dump).isEqualTo(article);
      assertThat(run.articleOf().get(dump + "-sheadline-affix")).as(dump).isEqualTo(article);
    }
  }

  @Test
  void theSameSeedGivesTheSameSet() {
    QualitySet again = SeedQualitySet.build(Seeds.DIR, DedupQualityBenchmark.SEED);

    assertThat(again.documents()).extracting(d -> d.raw().getId() + " " + d.raw().getUrl())
        .containsExactlyElementsOf(set.documents().stream().map(d -> d.raw().getId() + " " + d.raw().getUrl()).toList());
  }
}
