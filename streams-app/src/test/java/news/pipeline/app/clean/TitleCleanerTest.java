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

  @ParameterizedTest
  @CsvSource(delimiter = '#', textBlock = """
      Dec 18 2025 Preparing a transition in Debusine # Preparing a transition in Debusine # Preparing a transition in Debusine
      Blog: Best Social Media Agencies in 2025 # Best Social Media Agencies in 2025 # Best Social Media Agencies in 2025
      How meditation rewires brains | Opinion # How meditation rewires brains # How meditation rewires brains
      Tax 101: Understanding the Basics of Taxes # Tax 101 # Tax 101: Understanding the Basics of Taxes
      The 2024 Beauty Awards: The Best Oral Care Products # The Best Oral Care Products # The 2024 Beauty Awards: The Best Oral Care Products
      """)
  void dropsDatesLabelsAndSectionsPrintedAroundTheHeadline(String headline, String title,
      String expected) {
    assertThat(TitleCleaner.withoutDecoration(headline, title)).isEqualTo(expected);
  }
}
