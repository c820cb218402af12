package news.pipeline.app.dedup.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TitleNormalizerTest {

  @ParameterizedTest(name = "[{1}] {0} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # title | siteName | expected text
          "Amazon bans police use of its face recognition for a year | Charlotte Observer" | Charlotte Observer | amazon bans police use of its face recognition for a year
          "Amazon bans police use of its face recognition for a year | Charlotte Observer" | charlotteobserver.com | amazon bans police use of its face recognition for a year
          "Amazon bans police use of its face recognition for a year | Charlotte Observer" | | amazon bans police use of its face recognition for a year
          BBC News - Amazon bans police use of facial recognition tech | BBC | amazon bans police use of facial recognition tech
          BBC News - Amazon bans police use of facial recognition tech | www.bbc.co.uk | amazon bans police use of facial recognition tech
          Amazon halts police use of its facial recognition – The Verge | The Verge | amazon halts police use of its facial recognition
          Amazon halts police use of its facial recognition — The Verge | theverge.com | amazon halts police use of its facial recognition
          Amazon halts police use of facial recognition - Reuters | | amazon halts police use of facial recognition
          Amazon halts police use of facial recognition :: Tech Monitor | Tech Monitor | amazon halts police use of facial recognition
          Amazon halts police use of facial recognition · Business Insider | businessinsider.com | amazon halts police use of facial recognition
          Opinion - Amazon halts police use of facial recognition | | amazon halts police use of facial recognition
          "Amazon halts police use of facial recognition | Technology | The Boston Globe" | The Boston Globe | amazon halts police use of facial recognition
          Amazon bans police use of its facial-recognition technology for a year | Houston Chronicle | amazon bans police use of its facial recognition technology for a year
          Amazon won’t say if its facial recognition moratorium applies to the feds | TechCrunch | amazon wont say if its facial recognition moratorium applies to the feds
          AWS Slaps Moratorium on Police Use of “Rekognition”, Urges Regulation | | aws slaps moratorium on police use of rekognition urges regulation
          George Floyd: Amazon bans police use of facial recognition tech | BBC | george floyd amazon bans police use of facial recognition tech
          Amazon’s one-year moratorium on police use | | amazon one year moratorium on police use
          ＡＭＡＺＯＮ ｂａｎｓ police use of ﬁngerprint scanners | | amazon bans police use of fingerprint scanners
          Straße closed as U.S. capital braces for protests | | strasse closed as us capital braces for protests
          Amazon bans police use of face recognition - IBM exits the facial recognition market | | amazon bans police use of face recognition ibm exits the facial recognition market
          Apple - Reuters | | apple reuters
          Amazon &amp; IBM step back from facial recognition &#8211; The Verge | The Verge | amazon ibm step back from facial recognition
          Amazon&rsquo;s &ldquo;Rekognition&rdquo; paused for police use &mdash; BBC News | BBC | amazon rekognition paused for police use
          Amazon bans police use of face recognition - Technology - The Boston Globe | bostonglobe.com | amazon bans police use of face recognition
          Apple - Reuters | Reuters | apple
          "  Amazon   bans\tpolice   use  " | | amazon bans police use
          """)
  void normalizedTextDropsPublisherAndPunctuation(String title, String siteName, String expected) {
    assertThat(TitleNormalizer.normalize(title, siteName).text()).isEqualTo(expected);
  }

  @Test
  void tokensAreTheWordsOfTheText() {
    NormalizedTitle title =
        TitleNormalizer.normalize("Amazon bans police use of its facial-recognition tech", null);
    assertThat(title.tokens())
        .containsExactly(
            "amazon", "bans", "police", "use", "of", "its", "facial", "recognition", "tech");
    assertThat(title.text()).isEqualTo(String.join(" ", title.tokens()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Live updates",
        "LIVE UPDATES",
        "Home",
        "Opinion",
        "Breaking News",
        "Photos",
        "Video",
        "Untitled",
        "Page not found",
        "404 Not Found",
        "Page Not Found - The Boston Globe",
        "Just a moment...",
        "Live updates: June 10, 2020",
        "Watch: Latest news and video",
        "Amazon bans",
        "Amazon: Photos",
        "The 10 best",
        "The Boston Globe",
        "Boston Globe - Breaking News, Sports, Politics | The Boston Globe"
      })
  void genericOrShortTitlesAreNotInformative(String title) {
    assertThat(TitleNormalizer.normalize(title, "The Boston Globe").informative()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Amazon bans police",
        "Live updates: Amazon bans police use of facial recognition",
        "George Floyd: Amazon bans police use of facial recognition tech",
        "Amazon Blocks Facial Recognition Tool From Cops For 1 Year"
      })
  void titlesNamingAStoryAreInformative(String title) {
    assertThat(TitleNormalizer.normalize(title, null).informative()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "|", " - "})
  void emptyTitlesNormalizeToEmpty(String title) {
    NormalizedTitle normalized = TitleNormalizer.normalize(title, "Reuters");
    assertThat(normalized.text()).isEmpty();
    assertThat(normalized.tokens()).isEmpty();
    assertThat(normalized.informative()).isFalse();
  }

  @Test
  void nullTitleIsEmpty() {
    assertThat(TitleNormalizer.normalize(null, null)).isEqualTo(NormalizedTitle.EMPTY);
  }
}
