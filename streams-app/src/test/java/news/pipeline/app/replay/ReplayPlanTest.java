package news.pipeline.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;

class ReplayPlanTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2020-06-11T12:00:00Z"), ZoneOffset.UTC);
  private static final PipelineConfig DEFAULTS = ConfigLoader.load(null, Map.of(), Map.of()).orThrow();
  private static final Preflight CLEAN = new Preflight(true, 5, 5, List.of(), List.of("news-pipeline-v1-dedup-candidates-repartition"), List.of(), 0);

  private static ReplayPlan plan(ReplayPlan.Mode mode, String version, ReplayStart start) {
    ReplayPlan.Result result = ReplayPlan.plan(DEFAULTS, mode, version, start, NOW);
    assertThat(result.error()).isNull();
    return result.plan().orElseThrow();
  }

  @Test
  void inPlaceKeepsTheApplicationAndTopics() {
    ReplayPlan plan = plan(ReplayPlan.Mode.IN_PLACE, null, ReplayStart.beginning());

    assertThat(plan.target()).isEqualTo(DEFAULTS);
    assertThat(plan.targetOverrides()).isEmpty();
    assertThat(plan.resetterArguments())
        .containsExactly(
            "--bootstrap-server", "localhost:9092", "--application-id", "news-pipeline-v1",
            "--input-topics", "news.documents.raw.v1", "--to-earliest");
  }

  @Test
  void sideBySideGetsANewApplicationIdAndVersionedOutputTopicsButTheSameInput() {
    ReplayPlan plan = plan(ReplayPlan.Mode.SIDE_BY_SIDE, "v2", ReplayStart.beginning());

    assertThat(plan.target().applicationId()).isEqualTo("news-pipeline-v2");
    assertThat(plan.target().topics())
        .isEqualTo(
            new PipelineConfig.Topics(
                "news.documents.raw.v1", "news.articles.canonical.v2", "news.articles.duplicates.v2", "news.documents.rejected.v2"));
    assertThat(plan.targetOverrides())
        .containsExactly(
            Map.entry("application.id", "news-pipeline-v2"),
            Map.entry("topic.canonical", "news.articles.canonical.v2"),
            Map.entry("topic.duplicates", "news.articles.duplicates.v2"),
            Map.entry("topic.rejected", "news.documents.rejected.v2"));
    assertThat(plan.resetterArguments()).contains("news-pipeline-v2").doesNotContain("news-pipeline-v1");
  }

  @Test
  void aDateTimeOrADurationBecomesTheResetToolsDateTime() {
    assertThat(plan(ReplayPlan.Mode.IN_PLACE, null, ReplayStart.at(Instant.parse("2020-06-10T00:00:00Z"))).resetterArguments())
        .containsSequence("--to-datetime", "2020-06-10T00:00:00.000Z");
    assertThat(plan(ReplayPlan.Mode.IN_PLACE, null, ReplayStart.back(Duration.ofHours(6))).resetterArguments())
        .containsSequence("--to-datetime", "2020-06-11T06:00:00.000Z");
  }

  @Test
  void sideBySideWithoutAVersionOrWithTheCurrentOneIsRefused() {
    assertThat(ReplayPlan.plan(DEFAULTS, ReplayPlan.Mode.SIDE_BY_SIDE, null, ReplayStart.beginning(), NOW).error())
        .contains("--new-version");
    assertThat(ReplayPlan.plan(DEFAULTS, ReplayPlan.Mode.SIDE_BY_SIDE, "v1", ReplayStart.beginning(), NOW).error())
        .contains("already in use");
    assertThat(ReplayPlan.plan(DEFAULTS, ReplayPlan.Mode.IN_PLACE, "v2", ReplayStart.beginning(), NOW).error())
        .contains("goes with --side-by-side");
  }

  @Test
  void descriptionNamesEveryStepAndWhatTheClusterHolds() {
    List<String> lines = plan(ReplayPlan.Mode.SIDE_BY_SIDE, "v2", ReplayStart.beginning()).describe(CLEAN, false);

    assertThat(String.join("\n", lines))
        .contains("replay side by side: new application news-pipeline-v2 beside news-pipeline-v1")
        .contains("read  news.documents.raw.v1 from the beginning: 5 of 5 records")
        .contains("news.articles.canonical.v1, news.articles.duplicates.v1 and news.documents.rejected.v1 stay untouched")
        .contains("delete its internal topics: news-pipeline-v1-dedup-candidates-repartition")
        .contains("consumers switch to news.articles.canonical.v2");
  }

  @Test
  void replayFromATimeWarnsThatEarlierArticlesAreForgotten() {
    List<String> lines = plan(ReplayPlan.Mode.IN_PLACE, null, ReplayStart.back(Duration.ofHours(6))).describe(CLEAN, true);

    assertThat(String.join("\n", lines))
        .contains("PT6H back from now (2020-06-11T06:00:00Z)")
        .contains("note: documents before 2020-06-11T06:00:00Z are not replayed")
        .contains("start the app here");
  }

  @Test
  void preflightRefusesARunningAppAMissingRawTopicAndAUsedTargetTopic() {
    ReplayPlan inPlace = plan(ReplayPlan.Mode.IN_PLACE, null, ReplayStart.beginning());
    Preflight running = new Preflight(true, 5, 5, List.of("app-1@/10.0.0.1"), List.of(), List.of(), 0);
    Preflight noRaw = new Preflight(false, 0, 0, List.of(), List.of(), List.of(), 0);
    ReplayPlan sideBySide = plan(ReplayPlan.Mode.SIDE_BY_SIDE, "v2", ReplayStart.beginning());
    Preflight used = new Preflight(true, 5, 5, List.of(), List.of(), List.of(), 7);

    assertThat(CLEAN.problems(inPlace)).isEmpty();
    assertThat(running.problems(inPlace)).singleElement().asString().contains("news-pipeline-v1 is still running", "app-1@/10.0.0.1");
    assertThat(noRaw.problems(inPlace)).singleElement().asString().contains("news.documents.raw.v1 does not exist");
    assertThat(used.problems(sideBySide)).singleElement().asString().contains("news.articles.canonical.v2 already holds 7 records");
    assertThat(used.problems(inPlace)).as("in place rewrites its own topic").isEmpty();
  }
}
