package news.pipeline.app.dedup.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TitleMatcherTest {

  private static NormalizedTitle title(String text) {
    return TitleNormalizer.normalize(text, null);
  }

  @Test
  void oneWordReplacedInTenMatches() {
    assertThat(
            TitleMatcher.titleMatch(
                title("Amazon bans police use of face recognition tech for year"),
                title("Amazon bans police use of facial recognition tech for year")))
        .hasValue(9.0 / 11);
  }

  @Test
  void twoWordsReplacedInTwelveDoNotMatch() {
    assertThat(
            TitleMatcher.titleMatch(
                title("Amazon bans police use of its face recognition technology for a year"),
                title("Amazon halts police use of its facial recognition technology for a year")))
        .isEmpty();
  }

  @Test
  void uninformativeTitlesNeverMatchEvenWhenEqual() {
    assertThat(TitleMatcher.titleMatch(title("Live updates"), title("Live updates"))).isEmpty();
    assertThat(TitleMatcher.titleMatch(title("Amazon bans"), title("Amazon bans"))).isEmpty();
    assertThat(
            TitleMatcher.titleMatch(
                title("Live updates: June 10, 2020"), title("Live updates: June 10, 2020")))
        .isEmpty();
  }

  @Test
  void sameHeadlineUnderDifferentPublisherSuffixesMatchesFully() {
    assertThat(
            TitleMatcher.titleMatch(
                TitleNormalizer.normalize(
                    "Amazon halts police use of facial recognition - Reuters", "Reuters"),
                TitleNormalizer.normalize(
                    "Amazon halts police use of facial recognition | CNBC", "cnbc.com")))
        .hasValue(1.0);
  }

  @Test
  void bodiesMatchOnShingleJaccardWhenLongEnough() {
    String text = words(0, 80);
    String trimmed = words(0, 60); // the last quarter cut: 56/76 = 0.74
    assertThat(
            TitleMatcher.bodyMatch(
                Shingles.words(text, DedupThresholds.BODY_SHINGLE_WORDS),
                Shingles.words(trimmed, DedupThresholds.BODY_SHINGLE_WORDS)))
        .hasValueSatisfying(j -> assertThat(j).isEqualTo(56.0 / 76));
  }

  @Test
  void bodiesCutByHalfDoNotMatch() {
    assertThat(
            TitleMatcher.bodyMatch(
                Shingles.words(words(0, 120), 5), Shingles.words(words(0, 60), 5)))
        .isEmpty();
  }

  @Test
  void shortBodiesNeverMatch() {
    Set<String> teaser = Shingles.words(words(0, 40), 5);
    assertThat(TitleMatcher.bodyMatch(teaser, teaser)).isEmpty();
  }

  private static String words(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append("word").append(i).append(' ');
    }
    return sb.toString();
  }
}
