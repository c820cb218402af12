package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      2020-06-10T22:58:00Z           | 2020-06-10T22:58:00Z
      2020-06-10T18:58:00-04:00      | 2020-06-10T22:58:00Z
      2020-06-10T18:58:00-0400       | 2020-06-10T22:58:00Z
      2020-06-10T18:58:00.123+02:00  | 2020-06-10T16:58:00.123Z
      2020-06-10 18:58:00            | 2020-06-10T18:58:00Z
      2020-06-10                     | 2020-06-10T00:00:00Z
      Wed, 10 Jun 2020 22:58:00 GMT  | 2020-06-10T22:58:00Z
      June 17, 2020                  | 2020-06-17T00:00:00Z
      Jun 17 2020                    | 2020-06-17T00:00:00Z
      17 June 2020                   | 2020-06-17T00:00:00Z
      Sept. 3rd, 2021                | 2021-09-03T00:00:00Z
      1591829880                     | 2020-06-10T22:58:00Z
      """)
  void readsMachineAndHumanDatesAsUtc(String raw, String expected) {
    assertThat(DateParser.parse(raw)).contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "1850-01-01", "2020-13-45", "not a date at all",
      "version 1.2.2025.4", "31/31/2025", "release 2024.13.01", "v2024.01.02.3"})
  void rejectsNonDatesAndImplausibleYears(String raw) {
    assertThat(DateParser.parse(raw)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      June 17, 2020 TechDecisions Staff Leave a Comment | 2020-06-17T00:00:00Z
      June 11, 2020updated 19 Jul 2022 3:51am           | 2020-06-11T00:00:00Z
      Posted on 3 March 2019 by Jane                    | 2019-03-03T00:00:00Z
      2023 Jan 7                                        | 2023-01-07T00:00:00Z
      Veröffentlicht am 12.12.2025                      | 2025-12-12T00:00:00Z
      Posted on the 15/12/2025 at 19:00                 | 2025-12-15T00:00:00Z
      3/4/2025                                          | 2025-03-04T00:00:00Z
      Essay - Published: 2025.12.17 - ai                | 2025-12-17T00:00:00Z
      Written 2024.03.09.                               | 2024-03-09T00:00:00Z
      """)
  void findsDatesInRunningText(String text, String expected) {
    assertThat(DateParser.parseText(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10/12/2025", "09.10.2024"})
  void numericDatesWhoseOrderIsAGuessAreReadButMarkedAmbiguous(String text) {
    assertThat(DateParser.parseText(text)).isPresent();
    assertThat(DateParser.ambiguousOrder(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"15/12/2025", "12.12.2025", "June 17, 2020", "2020-06-10", "2025.12.17"})
  void datesWithOneReadingAreNotAmbiguous(String text) {
    assertThat(DateParser.ambiguousOrder(text)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      https://www.bostonglobe.com/2020/06/10/business/amazon-bans/ | 2020-06-10T00:00:00Z
      https://example.com/news/2021-03-05-some-story               | 2021-03-05T00:00:00Z
      https://blog.example.fr/articles/2025-12-15+Rust+GCC+backend  | 2025-12-15T00:00:00Z
      https://example.com/posts/2024-02-29_leap-day.html           | 2024-02-29T00:00:00Z
      https://example.org/blog/2023/october/03/wine-styles/         | 2023-10-03T00:00:00Z
      https://example.org/news/2019/Jan/7                           | 2019-01-07T00:00:00Z
      """)
  void findsDatesInUrlPaths(String url, String expected) {
    assertThat(DateParser.fromUrl(url)).contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com/2020/06/", "https://example.com/article/12345678",
      "https://example.com/2023/october/", "https://example.com/2023/may/35/"})
  void ignoresUrlsWithoutAFullDate(String url) {
    assertThat(DateParser.fromUrl(url)).isEmpty();
  }
}
