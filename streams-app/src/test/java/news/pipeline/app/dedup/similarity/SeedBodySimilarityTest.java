package news.pipeline.app.dedup.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The body threshold on the text dumps of seeds 000, 002, 003 and 004 (copied verbatim into
 * {@code similarity/text-dumps/}): four different articles on one story that all quote Amazon's
 * statement. They must stay apart; a trimmed or lightly edited copy of one must join it.
 */
class SeedBodySimilarityTest {

  private static final int K = DedupThresholds.BODY_SHINGLE_WORDS;
  private static final Map<String, String> TEXTS = new LinkedHashMap<>();

  @BeforeAll
  static void load() {
    for (String name :
        List.of("000_fe0a48e181700552", "002_8ac13e90b95cf2b8", "003_7dbd8cef991dc90e",
            "004_d34a3f48228f8014")) {
      TEXTS.put(name.substring(0, 3), read("/similarity/text-dumps/" + name + ".txt"));
    }
  }

  @Test
  void differentArticlesQuotingTheSameStatementStayApart() {
    StringBuilder table = new StringBuilder("body pairs by 5-shingle Jaccard:\n");
    List<String> names = new ArrayList<>(TEXTS.keySet());
    double highest = 0;
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        Set<String> a = Shingles.words(TEXTS.get(names.get(i)), K);
        Set<String> b = Shingles.words(TEXTS.get(names.get(j)), K);
        double jaccard = Similarity.jaccard(a, b);
        highest = Math.max(highest, jaccard);
        table.append(String.format("  %.3f %s %s%n", jaccard, names.get(i), names.get(j)));
        assertThat(TitleMatcher.bodyMatch(a, b)).as(table.toString()).isEmpty();
      }
    }
    System.out.print(table);
    assertThat(highest).as(table.toString()).isLessThan(0.1);
  }

  @Test
  void aCopyCutByAThirdJoinsTheOriginal() {
    List<String> words = Shingles.tokens(TEXTS.get("002"));
    String trimmed = String.join(" ", words.subList(0, words.size() * 2 / 3));
    Set<String> original = Shingles.words(TEXTS.get("002"), K);
    Set<String> copy = Shingles.words(trimmed, K);
    assertThat(TitleMatcher.bodyMatch(original, copy)).isPresent();
    assertThat(sharedBand(original, copy)).isTrue();
  }

  @Test
  void aCopyWithOneWordInTwentyFiveChangedJoinsTheOriginal() {
    List<String> words = new ArrayList<>(Shingles.tokens(TEXTS.get("003")));
    for (int i = 12; i < words.size(); i += 25) {
      words.set(i, "edited" + i);
    }
    Set<String> original = Shingles.words(TEXTS.get("003"), K);
    Set<String> copy = Shingles.words(String.join(" ", words), K);
    assertThat(TitleMatcher.bodyMatch(original, copy))
        .hasValueSatisfying(j -> assertThat(j).isBetween(0.6, 0.7));
    assertThat(sharedBand(original, copy)).isTrue();
  }

  private static boolean sharedBand(Set<String> a, Set<String> b) {
    LshParameters p = DedupThresholds.BODY_LSH;
    MinHasher hasher = new MinHasher(p.numHashes(), DedupThresholds.MINHASH_SEED);
    Set<String> keys = new HashSet<>(Lsh.bandKeys("body", hasher.signature(a), p.bands()));
    return Lsh.bandKeys("body", hasher.signature(b), p.bands()).stream().anyMatch(keys::contains);
  }

  private static String read(String resource) {
    try (InputStream in = SeedBodySimilarityTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
