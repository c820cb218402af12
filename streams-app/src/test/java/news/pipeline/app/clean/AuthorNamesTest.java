package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorNamesTest {

  @Test
  void stripsByPrefixAndCapitalisesLowerCaseNames() {
    assertThat(AuthorNames.split("By claudia glover")).containsExactly("Claudia Glover");
  }

  @Test
  void splitsSeveralAuthorsOnCommasAndAnd() {
    assertThat(AuthorNames.split("By Jane Doe, John Roe and Ann Poe"))
        .containsExactly("Jane Doe", "John Roe", "Ann Poe");
  }

  @Test
  void dropsDatesAfterTheName() {
    assertThat(AuthorNames.split("By Jane Doe | June 1, 2020")).containsExactly("Jane Doe");
    assertThat(AuthorNames.split("Jane Doe Updated 3 hours ago")).containsExactly("Jane Doe");
  }

  @Test
  void dropsJobTitlesAfterADash() {
    assertThat(AuthorNames.split("Written by Jane Doe - Senior Editor")).containsExactly("Jane Doe");
  }

  @Test
  void rejectsStringsThatAreNotNames() {
    assertThat(AuthorNames.split("Staff")).isEmpty();
    assertThat(AuthorNames.split("https://www.facebook.com/someone")).isEmpty();
    assertThat(AuthorNames.split("")).isEmpty();
  }

  @Test
  void mergeKeepsTheFirstSpellingOfEachName() {
    assertThat(AuthorNames.merge(List.of("Jane Doe", "jane doe", "John Roe")))
        .containsExactly("Jane Doe", "John Roe");
  }
}
