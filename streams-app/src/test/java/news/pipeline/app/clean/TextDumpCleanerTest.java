package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void cleansMegabyteSingleLineDumps() {
    // a dump that is one long line once took seconds of CPU (every line rule re-split it into
    // words and ran whole-line regexes); the figures are in the README, not asserted here: the
    // timeout only catches a return to something far worse than linear
    String[] units = {"1 ", "word ", "x", "May 5 ", "Subscribe to the newsletter, ",
        "The council voted on Tuesday, adding routes. "};
    for (String unit : units) {
      CleanedPage page = cleaner.clean(unit.repeat(2_000_000 / unit.length()));
      assertThat(page.text().length()).isLessThanOrEqualTo(2_000_000);
    }
  }

  @Test
  void sentenceEndAndWordCountAgreeWithTheirRegexes() {
    Pattern sentenceEnd = Pattern.compile("(?s).*[.!?…:;][\"'”’)\\]]?$|.*[\"”’]$");
    String alphabet = "a .!?…:;\"'”’)]\t\u000B\u2028\u0085x";
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = random.nextInt(6); n > 0; n--) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      assertThat(DumpLine.endsLikeSentence(s)).as("ends like a sentence: [%s]", s)
          .isEqualTo(sentenceEnd.matcher(s).matches());
      String t = s.strip();
      assertThat(TextStats.words(s)).as("words of [%s]", s)
          .isEqualTo(t.isEmpty() ? 0 : t.split("\\s+").length);
    }
  }
}
