package news.pipeline.app.dedup.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BandKeysTest {

  private static final String BODY =
      "Amazon said on Wednesday it would put a one-year moratorium on police use of its facial"
          + " recognition software, the most significant step yet by a large technology company"
          + " after protests over the killing of George Floyd. The company said it hoped the pause"
          + " would give Congress enough time to implement appropriate rules, and that it stood"
          + " ready to help if requested.";

  @Test
  void informativeTitleHasOneKeyPerTitleBand() {
    NormalizedTitle title = TitleNormalizer.normalize("Amazon bans police use of facial tech", null);
    List<String> keys = BandKeys.title(title);
    assertThat(keys).hasSize(DedupThresholds.TITLE_LSH.bands());
    assertThat(keys).allMatch(k -> k.startsWith(BandKeys.TITLE_NAMESPACE + ":"));
  }

  @Test
  void uninformativeTitleHasNoKeys() {
    assertThat(BandKeys.title(TitleNormalizer.normalize("Live updates", null))).isEmpty();
  }

  @Test
  void sameHeadlineUnderTwoPublishersGivesTheSameKeys() {
    NormalizedTitle reuters = TitleNormalizer.normalize("Amazon halts police use - Reuters", "Reuters");
    NormalizedTitle cnbc = TitleNormalizer.normalize("Amazon halts police use | CNBC", "CNBC");
    assertThat(BandKeys.title(reuters)).isNotEmpty().isEqualTo(BandKeys.title(cnbc));
  }

  @Test
  void bodyOfFiftyWordsOrMoreHasOneKeyPerBodyBand() {
    assertThat(Shingles.tokens(BODY)).hasSizeGreaterThanOrEqualTo(DedupThresholds.BODY_MIN_WORDS);
    List<String> keys = BandKeys.body(BODY);
    assertThat(keys).hasSize(DedupThresholds.BODY_LSH.bands());
    assertThat(keys).allMatch(k -> k.startsWith(BandKeys.BODY_NAMESPACE + ":"));
  }

  @Test
  void shortBodyHasNoKeys() {
    assertThat(BandKeys.body("Amazon pauses police use of Rekognition for a year.")).isEmpty();
    assertThat(BandKeys.body("")).isEmpty();
  }

  @Test
  void bodyKeysIgnoreCaseAndPunctuation() {
    assertThat(BandKeys.body(BODY.toUpperCase().replace(",", " ;")))
        .isEqualTo(BandKeys.body(BODY));
  }

  @Test
  void bodySignatureIsTheMinHashOfTheShingleSetWhateverTheShortcut() {
    // bodySignature hashes shingles in place instead of building the set of shingle strings;
    // the signature must stay the one the definition gives, each value cut to its low 8 bits
    // (signatures are stored in state)
    MinHasher reference = new MinHasher(DedupThresholds.BODY_LSH.numHashes(), DedupThresholds.MINHASH_SEED);
    String repeated = BODY + " " + BODY + " Ünïcödé wörds, ça va — 東京 2020 … " + BODY.toLowerCase();
    for (String text : List.of(BODY, repeated, BODY.replace(" ", "\n\t "))) {
      assertThat(BandKeys.bodySignature(text))
          .hasSize(DedupThresholds.BODY_LSH.numHashes())
          .isEqualTo(java.util.Arrays.stream(reference.signature(BandKeys.bodyFeatures(text))).map(v -> v & 0xFF).toArray());
    }
  }

  @Test
  void bodySimilarityTakesOutTheChanceAgreementOfEightBitValues() {
    int[] body = BandKeys.bodySignature(BODY);
    int[] other = BandKeys.bodySignature(
        "Completely different words about gardening, tomatoes and the weather in the spring, with rain and sun"
            + " on the allotments where neighbours grow beans, peas, onions and potatoes every single year again,"
            + " and where the old shed by the gate holds rakes, hoes, twine, seed packets and a kettle for the tea"
            + " that everyone shares at noon before the long afternoon of weeding the raised beds begins");

    assertThat(BandKeys.similarity(body, body)).isEqualTo(1.0);
    assertThat(BandKeys.similarity(body, other)).isLessThan(0.1);
    int[] half = body.clone();
    for (int i = 0; i < half.length; i += 2) {
      half[i] = (half[i] + 1) & 0xFF;
    }
    double agree = MinHasher.estimate(body, half);
    assertThat(BandKeys.similarity(body, half)).isEqualTo((agree - 1 / 256.0) / (1 - 1 / 256.0));
    assertThat(BandKeys.unpack(BandKeys.pack(body))).isEqualTo(body);
  }

  @Test
  void titleSimilarityOverTokenHashesIsTheTokenJaccard() {
    List<String> titles = List.of(
        "Amazon bans police use of its face recognition technology for a year",
        "Amazon bans police use of face recognition tech for one year - Reuters",
        "IBM walked away from facial recognition. What about Amazon and Microsoft?",
        "Live updates",
        "amazon amazon bans bans police");
    for (String a : titles) {
      for (String b : titles) {
        List<String> ta = TitleNormalizer.normalize(a, null).tokens();
        List<String> tb = TitleNormalizer.normalize(b, null).tokens();
        assertThat(BandKeys.titleSimilarity(BandKeys.titleHashes(ta), BandKeys.titleHashes(tb)))
            .as("%s / %s", a, b)
            .isEqualTo(Similarity.jaccard(ta, tb));
      }
    }
    int[] hashes = BandKeys.titleHashes(TitleNormalizer.normalize(titles.get(0), null).tokens());
    assertThat(BandKeys.unpackTitle(BandKeys.packTitle(hashes))).isEqualTo(hashes);
    assertThat(BandKeys.titleCodes(BandKeys.unpackTitle(BandKeys.packTitle(hashes)), true))
        .as("bands recomputed from the state")
        .isEqualTo(BandKeys.titleCodes(hashes, true))
        .hasSize(DedupThresholds.TITLE_LSH.bands());
  }

  @Test
  void shingleHashesAreTheHashesOfTheJoinedShingles() {
    List<String> words = Shingles.tokens("the cat sat on the mat, ça va — 東京");
    for (int k = 1; k <= words.size() + 2; k++) {
      long[] expected = Shingles.words(String.join(" ", words), k).stream().mapToLong(Hashing::hash64).toArray();
      assertThat(java.util.Arrays.stream(Shingles.hashes(words, k)).distinct().toArray())
          .as("k=%d", k).containsExactly(expected);
    }
    assertThat(Shingles.hashes(List.of(), 5)).isEmpty();
  }
}
