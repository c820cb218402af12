package news.pipeline.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

  private static final String CASES = "/url/canonicalization-cases.csv";
  private static final String SEED_TRIPLES = "/url/seed-001-url-triples.csv";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvFileSource(resources = CASES)
  void keyMatchesTheExpectedCase(String input, String expected) {
    assertThat(UrlCanonicalizer.key(input)).isEqualTo(Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = CASES)
  void keyIsAFixedPoint(String input, String expected) {
    if (expected != null) {
      assertThat(UrlCanonicalizer.key("https://" + expected)).contains(expected);
    }
  }

  @Test
  void fixtureHoldsAtLeastSixtyCases() throws IOException {
    assertThat(csvRows(CASES)).hasSizeGreaterThanOrEqualTo(60);
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = SEED_TRIPLES)
  void seedAmpAndAmpCacheUrlsCollapseToTheWebUrlKey(
      String provider, String webUrl, String ampWebUrl, String cdnAmpWebUrl) {
    Optional<String> webKey = UrlCanonicalizer.key(webUrl);
    assertThat(webKey).isPresent();
    for (String variant : Stream.of(ampWebUrl, cdnAmpWebUrl).filter(u -> u != null).toList()) {
      assertThat(UrlCanonicalizer.key(variant)).as("%s: %s", provider, variant).isEqualTo(webKey);
    }
  }

  @Test
  void seedArticlesKeepDistinctKeys() throws IOException {
    Map<String, String> providerByKey = new LinkedHashMap<>();
    List<String[]> rows = csvRows(SEED_TRIPLES);
    for (String[] row : rows) {
      String key = UrlCanonicalizer.key(row[1]).orElseThrow();
      assertThat(providerByKey.put(key, row[0])).as("key %s shared", key).isNull();
    }
    assertThat(providerByKey).hasSize(12);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n", "https://", "http://exa mple.com/a"})
  void blankOrHostlessInputHasNoKey(String input) {
    assertThat(UrlCanonicalizer.key(input)).isEmpty();
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    assertThat(UrlCanonicalizer.key("  https://www.example.com/a/ \n")).contains("example.com/a");
  }

  @Test
  void tabsAndNewlinesInsideTheUrlAreIgnored() {
    assertThat(UrlCanonicalizer.key("https://example.com/news/\n\tstory-1?id=\r\n2"))
        .contains("example.com/news/story-1?id=2");
  }

  @Test
  void redirectorWithoutAnHttpTargetIsNotUnwrapped() {
    assertThat(UrlCanonicalizer.key("https://www.google.com/url?q=javascript:alert(1)"))
        .hasValueSatisfying(key -> assertThat(key).startsWith("google.com/url?q="));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "NONE",
      value = {
        "www.bostonglobe.com, bostonglobe.com",
        "amp.charlotteobserver.com, charlotteobserver.com",
        "www.bbc.co.uk, bbc.co.uk",
        "WWW.Example.COM., example.com",
        "news.example.com:8443, example.com",
        "alice.blogspot.com, alice.blogspot.com",
        "www.müller.de, xn--mller-kva.de",
        "co.uk, NONE",
        "localhost, NONE",
        "192.0.2.7, NONE",
        "'', NONE"
      })
  void registrableDomainNamesTheProvider(String host, String expected) {
    assertThat(UrlCanonicalizer.registrableDomain(host)).isEqualTo(Optional.ofNullable(expected));
  }

  /** The fixture's data rows, split on commas (the seed fixture has no quoted fields). */
  private static List<String[]> csvRows(String resource) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = UrlCanonicalizerTest.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split(",", -1));
        }
      }
    }
    return rows;
  }
}
