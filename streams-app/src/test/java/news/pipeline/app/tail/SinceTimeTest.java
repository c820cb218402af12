package news.pipeline.app.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SinceTimeTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2020-06-11T12:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @CsvSource({
    "2020-06-10T00:00:00Z, 2020-06-10T00:00:00Z",
    "2020-06-10T02:01:00.500Z, 2020-06-10T02:01:00.500Z",
    "PT1H, 2020-06-11T11:00:00Z",
    "P2D, 2020-06-09T12:00:00Z",
    "PT0S, 2020-06-11T12:00:00Z"
  })
  void instantsAreTakenAsIsAndDurationsCountBackFromNow(String text, String expected) {
    assertThat(SinceTime.parse(text, NOW)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({"yesterday", "2020-06-10", "PT-1H", "P1X"})
  void anythingElseIsRefusedWithAnExample(String text) {
    assertThatThrownBy(() -> SinceTime.parse(text, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(text);
  }
}
