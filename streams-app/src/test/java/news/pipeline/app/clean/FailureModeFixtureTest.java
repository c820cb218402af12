package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The known failure modes of article extractors, one small page each (written for these tests,
 * under {@code fixtures/clean/failure-modes/}).
 */
class FailureModeFixtureTest {

  private static final String URL = "https://www.northportherald.example/news/ferry-terminal-delayed";

  private static CleanedPage clean(String name) {
    return new HtmlCleaner().clean(Fixtures.read("failure-modes/" + name), URL);
  }

  private static void assertWholeStory(CleanedPage page) {
    assertThat(page.text()).contains("Harbour officials said on Monday", "The delay means commuters",
        "Councillor Mary Okafor", "The terminal, which cost", "A spokesperson for the contractor");
    assertThat(page.text()).doesNotContain("All rights reserved", "Sport", "Opinion");
    assertThat(page.title()).isEqualTo("Ferry terminal opening delayed to September");
    assertThat(page.isArticle()).isTrue();
  }

  @Test
  void relatedLinksInsideAndAfterTheTextAreDropped() {
    CleanedPage page = clean("related-links.html");
    assertWholeStory(page);
    assertThat(page.text()).doesNotContain("Island commuters face long queues",
        "Terminal budget rises", "New ferry timetable", "More from News", "Bridge repairs");
    assertThat(page.text().indexOf("The delay means")).isLessThan(page.text().indexOf("Councillor"));
  }

  @Test
  void teaserLeadParagraphIsKept() {
    CleanedPage page = clean("teaser-lead.html");
    assertWholeStory(page);
    assertThat(page.text()).startsWith("Island commuters will have to wait two more months");
  }

  @Test
  void cookieAndNewsletterBoxesAreDropped() {
    CleanedPage page = clean("cookie-newsletter.html");
    assertWholeStory(page);
    assertThat(page.text()).doesNotContain("cookies", "Accept all", "morning briefing",
        "Sign up to our newsletter", "Subscribe");
  }

  @Test
  void severalAuthorsInOneBylineWithoutTheirJobTitle() {
    CleanedPage page = clean("several-authors.html");
    assertWholeStory(page);
    assertThat(page.authors()).containsExactly("Tom Hughes", "Ana Lima", "Joe Park");
    assertThat(page.text()).doesNotContain("Transport Reporters");
  }

  @Test
  void publishedAndModifiedAreKeptApartAndThePageKeepsItsOwnDate() {
    CleanedPage page = clean("published-modified.html");
    assertWholeStory(page);
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-06-03T22:30:00Z"));
    assertThat(page.modifiedAt()).isEqualTo(Instant.parse("2024-06-05T09:15:00Z"));
    // 23:30 at +01:00 is still June 3 where it was published
    assertThat(page.publishedDate()).isEqualTo(LocalDate.of(2024, 6, 3));
    assertThat(page.authors()).containsExactly("Tom Hughes");
  }

  @Test
  void indexPageIsNotAnArticle() {
    CleanedPage page = new HtmlCleaner().clean(Fixtures.read("failure-modes/index-page.html"),
        "https://www.northportherald.example/news/");
    assertThat(page.isArticle()).isFalse();
  }
}
