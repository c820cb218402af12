package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The four plain-text seed dumps (see fixtures/clean/README.md) cleaned end to end. */
class SeedDumpTest {

  private final TextDumpCleaner cleaner = new TextDumpCleaner();

  private CleanedPage seed(String name) {
    return cleaner.clean(Fixtures.read("seeds/" + name));
  }

  @Test
  void techDecisionsDumpKeepsTheStoryAndLosesNavigationAndRelatedBlocks() {
    CleanedPage page = seed("000_fe0a48e181700552.txt");
    assertThat(page.title())
        .isEqualTo("Amazon Won’t Let Police Use Their Facial Recognition Tech for One Year");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2020-06-17T00:00:00Z"));
    assertThat(page.text())
        .contains("Amazon says it won’t allow law enforcement to use Rekognition",
            "On Monday, IBM CEO Arvind Krishna wrote in a letter to Congress")
        .doesNotContain("Skip to", "Best of Tech Decisions", "Project of the Week",
            "sign up for our digital newsletters", "Related Content", "Tagged With",
            "Leave a Reply", "Latest Downloads", "All rights reserved", "Related: Facial");
  }

  @Test
  void kuowDumpLosesSkipLinkCaptionAndTrailer() {
    CleanedPage page = seed("002_8ac13e90b95cf2b8.txt");
    assertThat(page.title()).isEqualTo("Amazon halts police use of its facial recognition technology");
    assertThat(page.text())
        .startsWith("The company says it is imposing a one-year moratorium")
        .contains("said Jennifer Lee, head of the ACLU's Technology & Liberty Project.")
        .endsWith("its promotion of Ring video doorbells which Lee says fuel systemic racism.")
        .doesNotContain("Skip to main content", "caption:", "Enlarge Icon", "In this Oct. 31 photo",
            "Why you can trust");
  }

  @Test
  void securityTodayDumpLosesAuthorBoxFeaturedAndNewProducts() {
    CleanedPage page = seed("003_7dbd8cef991dc90e.txt");
    assertThat(page.title()).isEqualTo("Police Use of Amazon Facial Recognition Software on Hold");
    assertThat(page.text())
        .contains("Cold-case resolution also has been a benefactor of Recognition.",
            "regardless of consent.")
        .doesNotContain("About the Author", "Publisher of Security Today", "Featured",
            "Read Now", "New Products", "HD2055");
    assertThat(page.text()).doesNotStartWith("Police Use of Amazon");
  }

  @Test
  void techMonitorDumpFindsBylineAndDatesAndLosesNewsletterAndFooter() {
    CleanedPage page = seed("004_d34a3f48228f8014.txt");
    assertThat(page.title())
        .isEqualTo("AWS Slaps Moratorium on Police Use of “Rekognition”, Urges Regulation");
    assertThat(page.authors()).containsExactly("Claudia Glover");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2020-06-11T00:00:00Z"));
    assertThat(page.modifiedAt()).isEqualTo(Instant.parse("2022-07-19T00:00:00Z"));
    assertThat(page.text())
        .contains("Amazon has placed a one-year moratorium on police use",
            "By that time, these challenges will be much more difficult to bottle back up")
        .doesNotContain("View all newsletters", "Receive our newsletter", "Emerging Technology",
            "By claudia glover", "Don’t Leave Before", "Topics in this article",
            "Websites in our network", "I consent");
  }

  @Test
  void tagLinesAndLinkCallsAreDroppedButTheirSentencesStay() {
    assertThat(seed("000_fe0a48e181700552.txt").text())
        .doesNotContain("Amazon facial recognition, police")
        .contains("Amazon says it won’t allow law enforcement to use Rekognition");
    assertThat(seed("004_d34a3f48228f8014.txt").text())
        .doesNotContain("Read The Computer Business Review Article Here")
        .contains("A coalition of racial justice groups");
  }
}
