package news.pipeline.producer.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletenessTrackerTest {

  private static final Instant T0 = Instant.parse("2024-06-11T02:00:00Z");
  private static final Duration QUIET = Duration.ofSeconds(2);

  private static FileState file(String path, long size, Instant modified) {
    return new FileState(path, size, modified.toEpochMilli());
  }

  @Test
  void aGrowingFileWaitsUntilItStopsChangingForTheQuietTime() {
    CompletenessTracker tracker = new CompletenessTracker(QUIET);
    assertThat(tracker.complete(List.of(file("a.warc.gz", 100, T0)), T0)).isEmpty();
    // grew a second later: the clock starts over
    assertThat(tracker.complete(List.of(file("a.warc.gz", 200, T0.plusSeconds(1))), T0.plusSeconds(1))).isEmpty();
    assertThat(tracker.complete(List.of(file("a.warc.gz", 200, T0.plusSeconds(1))), T0.plusMillis(2_900))).isEmpty();
    assertThat(tracker.complete(List.of(file("a.warc.gz", 200, T0.plusSeconds(1))), T0.plusSeconds(3)))
        .containsExactly(file("a.warc.gz", 200, T0.plusSeconds(1)));
  }

  @Test
  void aFileUntouchedForTheQuietTimeIsCompleteAtFirstSight() {
    CompletenessTracker tracker = new CompletenessTracker(QUIET);
    FileState old = file("old.html", 10, T0.minusSeconds(60));
    FileState fresh = file("fresh.html", 10, T0.minusMillis(500));
    assertThat(tracker.complete(List.of(old, fresh), T0)).containsExactly(old);
  }

  @Test
  void aTouchedFileWithTheSameSizeStillWaits() {
    CompletenessTracker tracker = new CompletenessTracker(QUIET);
    tracker.complete(List.of(file("a.html", 10, T0)), T0);
    assertThat(tracker.complete(List.of(file("a.html", 10, T0.plusSeconds(1))), T0.plusSeconds(2))).isEmpty();
  }

  @Test
  void withNoQuietTimeFilesRenamedIntoPlaceAreCompleteAtOnce() {
    CompletenessTracker tracker = new CompletenessTracker(Duration.ZERO);
    FileState renamed = file("page.html", 10, T0);
    assertThat(tracker.complete(List.of(renamed), T0)).containsExactly(renamed);
  }

  @Test
  void aFileThatLeavesAndComesBackStartsOver() {
    CompletenessTracker tracker = new CompletenessTracker(QUIET);
    FileState a = file("a.html", 10, T0);
    tracker.complete(List.of(a), T0);
    tracker.complete(List.of(), T0.plusSeconds(1));
    assertThat(tracker.complete(List.of(a), T0.plusMillis(1_500))).isEmpty();
    assertThat(tracker.complete(List.of(a), T0.plusMillis(3_500))).containsExactly(a);
  }

  @Test
  void negativeQuietTimeIsRefused() {
    assertThatThrownBy(() -> new CompletenessTracker(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }
}
