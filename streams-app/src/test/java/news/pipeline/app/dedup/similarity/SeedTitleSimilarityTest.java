package news.pipeline.app.dedup.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The title threshold measured on seed 001 (12 titles) and the headlines of the text dumps 000,
 * 002, 003 and 004: exactly the wire-copy headlines match. Prints the pair table.
 */
class SeedTitleSimilarityTest {

  private static final Set<String> EXPECTED_MATCHES =
      Set.of("charlotte~globe", "globe~houston");

  private static final Map<String, NormalizedTitle> TITLES = new LinkedHashMap<>();
  private static final List<Pair> PAIRS = new ArrayList<>();
  private static String table;

  record Pair(String a, String b, double jaccard, boolean matches, boolean candidates) {
    String id() {
      return a.compareTo(b) < 0 ? a + "~" + b : b + "~" + a;
    }
  }

  @BeforeAll
  static void measure() {
    for (List<String> row : CsvFixture.rows("/similarity/seed-titles.csv")) {
      TITLES.put(row.get(0), TitleNormalizer.normalize(row.get(2), row.get(1)));
    }
    List<String> labels = new ArrayList<>(TITLES.keySet());
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        NormalizedTitle a = TITLES.get(labels.get(i));
        NormalizedTitle b = TITLES.get(labels.get(j));
        PAIRS.add(
            new Pair(
                labels.get(i),
                labels.get(j),
                Similarity.jaccard(a.tokens(), b.tokens()),
                TitleMatcher.titleMatch(a, b).isPresent(),
                BandKeys.title(a).stream().anyMatch(BandKeys.title(b)::contains)));
      }
    }
    PAIRS.sort((x, y) -> Double.compare(y.jaccard(), x.jaccard()));
    StringBuilder sb =
        new StringBuilder("title pairs by token Jaccard (threshold ")
            .append(DedupThresholds.TITLE_JACCARD)
            .append("; LSH = shares a title band key):\n");
    for (Pair p : PAIRS) {
      sb.append(
          String.format(
              "  %.3f %-5s %-3s %-22s %s%n",
              p.jaccard(), p.matches() ? "MATCH" : "", p.candidates() ? "LSH" : "", p.a(), p.b()));
    }
    table = sb.toString();
  }

  @Test
  void fixtureHoldsTheTwelveSeedTitlesAndFourDumpHeadlines() {
    assertThat(TITLES).hasSize(16);
    assertThat(PAIRS).hasSize(16 * 15 / 2);
    assertThat(TITLES.values()).allMatch(NormalizedTitle::informative);
  }

  @Test
  void charlotteObserverSuffixGoesAndItsTitleMatchesTheBostonGlobe() {
    assertThat(TITLES.get("charlotte").text())
        .isEqualTo("amazon bans police use of its face recognition for a year");
    assertThat(TitleMatcher.titleMatch(TITLES.get("globe"), TITLES.get("charlotte")))
        .hasValueSatisfying(j -> assertThat(j).isCloseTo(11.0 / 12, within(1e-9)));
  }

  @Test
  void houstonChronicleMatchesTheBostonGlobeButNotTheCharlotteObserver() {
    NormalizedTitle houston = TITLES.get("houston");
    assertThat(TitleMatcher.titleMatch(houston, TITLES.get("globe")))
        .as(table)
        .hasValueSatisfying(j -> assertThat(j).isCloseTo(11.0 / 13, within(1e-9)));
    assertThat(Similarity.jaccard(houston.tokens(), TITLES.get("charlotte").tokens()))
        .isCloseTo(10.0 / 13, within(1e-9));
    assertThat(TitleMatcher.titleMatch(houston, TITLES.get("charlotte"))).as(table).isEmpty();
  }

  @Test
  void noOtherSeedPairMatches() {
    List<String> matches = PAIRS.stream().filter(Pair::matches).map(Pair::id).toList();
    System.out.print(table);
    assertThat(matches).as(table).containsExactlyInAnyOrderElementsOf(EXPECTED_MATCHES);
  }

  @Test
  void matchingPairsAreLshCandidates() {
    assertThat(PAIRS.stream().filter(Pair::matches)).as(table).allMatch(Pair::candidates);
  }

  @Test
  void everyNonMatchingPairStaysWellBelowTheThreshold() {
    double highestOther =
        PAIRS.stream()
            .filter(p -> !EXPECTED_MATCHES.contains(p.id()) && !p.id().equals("charlotte~houston"))
            .mapToDouble(Pair::jaccard)
            .max()
            .orElseThrow();
    assertThat(highestOther).as(table).isLessThan(DedupThresholds.TITLE_JACCARD - 0.1);
  }
}
