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
  void dropsATimeAndDateAfterAt() {
    assertThat(AuthorNames.split("Posted by David at December 16, 2025 11:15 AM"))
        .containsExactly("David");
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

  @Test
  void keepsATeamBylineAsWritten() {
    assertThat(AuthorNames.split("By The Diggs Team")).containsExactly("The Diggs Team");
    assertThat(AuthorNames.split("Resy Staff")).containsExactly("Resy Staff");
    assertThat(AuthorNames.split("written by Our Editors")).containsExactly("Our Editors");
  }

  @Test
  void cutsAJobTitleWrittenAfterTheNameWithoutAComma() {
    assertThat(AuthorNames.split("By Keith Barry Senior Autos Reporter")).containsExactly("Keith Barry");
    assertThat(AuthorNames.split("Justin C. Meserole Senior Editor")).containsExactly("Justin C. Meserole");
  }

  @Test
  void aJobTitleWithAndIsNotASecondAuthor() {
    assertThat(AuthorNames.split("By Brett Cruz, Privacy and Digital Security Expert"))
        .containsExactly("Brett Cruz");
    assertThat(AuthorNames.split("Authors: Julie Weisenhorn and Natalie Hoidal, Extension educators"))
        .containsExactly("Julie Weisenhorn", "Natalie Hoidal");
  }

  @Test
  void reviewersAndEditorsAfterTheAuthorAreNotAuthors() {
    assertThat(AuthorNames.split("By Shelby Loos, DVM. Reviewed by Molly Price, DVM"))
        .containsExactly("Shelby Loos");
    assertThat(AuthorNames.split("Reviewed by Justin C. Meserole")).containsExactly("Justin C. Meserole");
  }

  @Test
  void labelsAndPhrasesAreNotNames() {
    assertThat(AuthorNames.split("Written By")).isEmpty();
    assertThat(AuthorNames.split("Name")).isEmpty();
    assertThat(AuthorNames.split("Karl Sophanus at")).isEmpty();
    assertThat(AuthorNames.split("Ludwig van Beethoven")).containsExactly("Ludwig van Beethoven");
  }

  @Test
  void oddPunctuationNeverThrows() {
    assertThat(AuthorNames.split(",")).isEmpty();
    assertThat(AuthorNames.split("By , ; |")).isEmpty();
  }

  @Test
  void aProfessionAfterTheNameIsNotAnotherAuthor() {
    assertThat(AuthorNames.split("Tracy Parker, Dietitian")).containsExactly("Tracy Parker");
    assertThat(AuthorNames.split("Nicole Forbes, Master Horticulturalist & Garden Educator"))
        .containsExactly("Nicole Forbes");
    // surnames that are also trades stay names
    assertThat(AuthorNames.split("Jane Baker and Tom Carpenter")).containsExactly("Jane Baker", "Tom Carpenter");
  }

  @Test
  void buttonsAndLinksBesideABylineAreNotNames() {
    assertThat(AuthorNames.split("Member Login")).isEmpty();
    assertThat(AuthorNames.split("Learn More")).isEmpty();
    assertThat(AuthorNames.split("By Jane Doe | Subscribe")).containsExactly("Jane Doe");
  }

  @Test
  void anUnfilledTemplateFieldOrAUserNameWithADotIsNotAName() {
    assertThat(AuthorNames.split("Page.head.extra.author")).isEmpty();
    assertThat(AuthorNames.split("andrew.keaveney")).isEmpty();
    assertThat(AuthorNames.split("J.R.R. Tolkien")).containsExactly("J.R.R. Tolkien");
  }

  @Test
  void aDayOfTheWeekIsNotAName() {
    assertThat(AuthorNames.split("Sat")).isEmpty();
    assertThat(AuthorNames.split("By Jane Doe, Thursday")).containsExactly("Jane Doe");
    assertThat(AuthorNames.split("Wei Sun")).containsExactly("Wei Sun");
  }

  @Test
  void aTeamCreditMayStartWithThe() {
    assertThat(AuthorNames.split("By the Lavazza Team")).containsExactly("the Lavazza Team");
  }

  @Test
  void wordsInBracketsStayWithTheNameUnlessTheyAreAJobTitle() {
    assertThat(AuthorNames.split("Paramita (Guha) Ghosh")).containsExactly("Paramita (Guha) Ghosh");
    assertThat(AuthorNames.split("By Jean-Luc Aufranc (CNXSoft)")).containsExactly("Jean-Luc Aufranc (CNXSoft)");
    assertThat(AuthorNames.split("Lance Ryan (Content Manager)")).containsExactly("Lance Ryan");
    assertThat(AuthorNames.split("Jane Doe (Staff Writer) and John Roe")).containsExactly("Jane Doe", "John Roe");
    assertThat(AuthorNames.split("Blue Sky (sirhamy.bsky.social)")).isEmpty();
  }

  @Test
  void aDateBeforeTheNameAndWhomTheAuthorWritesForGo() {
    assertThat(AuthorNames.split("Dec. 19, 2025 · Jane Doe on behalf of the Transit Team")).containsExactly("Jane Doe");
    assertThat(AuthorNames.split("2025-12-19 | By Jane Doe")).containsExactly("Jane Doe");
  }
}
