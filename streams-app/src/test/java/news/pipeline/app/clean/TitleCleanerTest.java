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
      Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst - Artlyst # Artlyst # Critics’ Choice: Best UK Art Exhibitions 2025
      davidbau.com Vibe Coding # davidbau.com # Vibe Coding
      davidbau.com Vibe Coding # David Bau # davidbau.com Vibe Coding
      How to help babies sleep through the night | Patient Education | UC Davis Health # ucdavis.edu # How to help babies sleep through the night
      12 Must-Have Data Analysis Tools for 2026 | Python, SQL & AI | Splunk # Splunk # 12 Must-Have Data Analysis Tools for 2026
      Top 10 Cameras of 2025 | The Best Mirrorless Cameras on the Market | Example # Example # Top 10 Cameras of 2025 | The Best Mirrorless Cameras on the Market
      Go ahead | self-host Postgres | Example # Example # Go ahead | self-host Postgres
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
      How to help babies sleep | Patient Education | UC Davis Health # How to help babies sleep # How to help babies sleep
      Stanford Grads Find Their Degrees No Longer Guarantee Jobs (latimes.com) 87 # Stanford Grads Find Their Degrees No Longer Guarantee Jobs # Stanford Grads Find Their Degrees No Longer Guarantee Jobs
      Council expands the bus network (and the tram) # Council expands the bus network # Council expands the bus network (and the tram)
      """)
  void dropsDatesLabelsAndSectionsPrintedAroundTheHeadline(String headline, String title,
      String expected) {
    assertThat(TitleCleaner.withoutDecoration(headline, title)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '#', textBlock = """
      15 Replies to “Open-sourcing the CAD files” # Open-sourcing the CAD files # true
      Comments on Open-sourcing the CAD files: # Open-sourcing the CAD files # true
      Why Open-sourcing the CAD files matters # Open-sourcing the CAD files # false
      Open-sourcing the CAD files | Blog # Open-sourcing the CAD files # false
      Comments on Open-sourcing the CAD files (4) # Open-sourcing the CAD files # true
      """)
  void aHeadingThatQuotesTheTitleIsAboutTheArticle(String heading, String title, boolean quotes) {
    assertThat(TitleCleaner.quotes(heading, title)).isEqualTo(quotes);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '~', textBlock = """
      Python, SQL &#x26; AI ~ Python, SQL & AI
      Tom &amp; Jerry ~ Tom & Jerry
      Q&A: rates & fees ~ Q&A: rates & fees
      """)
  void decodesEntitiesLeftByADoubleEscape(String text, String expected) {
    assertThat(TitleCleaner.unescaped(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '~', textBlock = """
      8 Recent Trends in Photography ~ Recent Trends in Photography ~ true
      15 Best Online Tutoring Platforms 2025 ~ 15 Best Online Tutoring Platforms ~ true
      The Best Online Tutoring Platforms ~ Best Online Tutoring Platforms ~ false
      Recent Trends in Photography ~ Recent Trends in Photography ~ false
      Best Platforms of 2025 ~ Best Platforms 2025 ~ false
      """)
  void tellsAHeadTitleThatOnlyAddsACountOrAYear(String longer, String shorter, boolean expected) {
    assertThat(TitleCleaner.addsOnlyNumbers(longer, shorter)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '~', textBlock = """
      What Are The Basics Of Event Planning? Beginner? Guide ~ What Are The Basics Of Event Planning: Beginner's Guide ~ true
      Caf? Culture in Paris ~ Café Culture in Paris ~ true
      Is remote work here to stay? ~ Is remote work here to stay ~ false
      Need a Change? 7 Tips to Rent a Car ~ 7 Tips to Rent a Car ~ false
      Council expands the bus network ~ Council expands the bus network ~ false
      """)
  void tellsAHeadingWhoseQuestionMarksStandForLostCharacters(String printed, String title,
      boolean expected) {
    assertThat(TitleCleaner.lostCharacters(printed, title)).isEqualTo(expected);
  }
}
