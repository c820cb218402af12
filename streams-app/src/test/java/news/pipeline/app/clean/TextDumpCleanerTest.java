package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TextDumpCleanerTest {

  private final TextDumpCleaner cleaner = new TextDumpCleaner();

  private static final String DUMP = """
      Skip to main content
        • Home
        • World
        • Business
      Sign up for our newsletter

      City Council Approves New Night Bus Service for Residents

      By jane doe and John Roe
      March 5, 2021

      The council voted on Tuesday to expand the bus network, adding three routes and longer hours.

      caption: A bus at the depot on Monday.
      Enlarge Icon
      A bus at the depot on Monday.
      Jo Smith

      Residents had asked for a night service for years, and the plan will cost about $2 million.

      Related: Trams are coming back

      Officials said the first night buses would run in the spring, once drivers are hired.

      Related Content:
        • Another story about buses
        • Yet another story

      © 2021 Example Media. All rights reserved.
      """;

  @Test
  void findsHeadlineBylineAndDate() {
    CleanedPage page = cleaner.clean(DUMP);
    assertThat(page.title()).isEqualTo("City Council Approves New Night Bus Service for Residents");
    assertThat(page.authors()).containsExactly("Jane Doe", "John Roe");
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2021-03-05T00:00:00Z"));
  }

  @Test
  void keepsProseAndDropsMenusCaptionsPromosAndFooter() {
    CleanedPage page = cleaner.clean(DUMP);
    assertThat(page.text().split("\n\n")).containsExactly(
        "The council voted on Tuesday to expand the bus network, adding three routes and longer hours.",
        "Residents had asked for a night service for years, and the plan will cost about $2 million.",
        "Officials said the first night buses would run in the spring, once drivers are hired.");
    assertThat(page.isArticle()).isTrue();
  }

  @Test
  void blankInputGivesAnEmptyNonArticle() {
    CleanedPage page = cleaner.clean("  \n ");
    assertThat(page.text()).isEmpty();
    assertThat(page.title()).isNull();
    assertThat(page.isArticle()).isFalse();
    assertThat(cleaner.clean(null).text()).isEmpty();
  }
}
