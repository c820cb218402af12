package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleCleanerTest {

  @ParameterizedTest
  @CsvSource(delimiter = '#', nullValues = "NULL", textBlock = """
      Amazon halts police use of its facial recognition technology | KUOW News # KUOW # Amazon halts police use of its facial recognition technology
      KUOW - Amazon halts police use of its facial recognition technology # KUOW # Amazon halts police use of its facial recognition technology
      Amazon halts police use of its technology - The Daily Planet # NULL # Amazon halts police use of its technology
      Review: The new phone is fast # NULL # Review: The new phone is fast
      Amazon halts police use # NULL # Amazon halts police use
      Why I Teach Plato to Plumbers - The Atlantic # The Atlantic # Why I Teach Plato to Plumbers
      """)
  void removesSiteNamesButKeepsTheHeadline(String title, String site, String expected) {
    assertThat(TitleCleaner.clean(title, site)).isEqualTo(expected);
  }
}
