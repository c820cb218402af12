package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's author comparison: names only, on both sides alike. */
class AuthorMatchTest {

  @Test
  void credentialsHonorificsAndJobTitlesAreNotNames() {
    assertThat(AuthorMatch.matches(List.of("Dylan Bailey"), "Dylan Bailey, MS, RD")).isTrue();
    assertThat(AuthorMatch.matches(List.of("Rebecca Lake"), "Rebecca Lake, CEPF®")).isTrue();
    assertThat(AuthorMatch.matches(List.of("Andrew Huberman"), "Dr. Andrew Huberman")).isTrue();
    assertThat(AuthorMatch.matches(List.of("Mike Marshall"), "Mike Marshall, Shipping Expert")).isTrue();
    assertThat(AuthorMatch.matches(List.of("Mayank Gupta"), "Mayank Gupta, CEO of CaseBasix")).isTrue();
    assertThat(AuthorMatch.matches(List.of("Jane Doe", "Senior Editor"), "Jane Doe")).isTrue();
  }

  @Test
  void everyNameMustBeThereAndNoOther() {
    assertThat(AuthorMatch.matches(List.of("Michael Rander"), "Michael Rander, Emily Acton")).isFalse();
    assertThat(AuthorMatch.matches(List.of("Jared Newman", "Sam Singleton"),
        "Jared Newman and Sam Singleton")).isTrue();
    assertThat(AuthorMatch.matches(List.of("Brett Cruz", "Gene Petrino"), "Brett Cruz")).isFalse();
    assertThat(AuthorMatch.matches(List.of(), "Jane Doe")).isFalse();
  }

  @Test
  void aCreditThatIsOnlyARoleStillCounts() {
    assertThat(AuthorMatch.matches(List.of("Staff Clinician"), "Staff Clinician")).isTrue();
    assertThat(AuthorMatch.matches(List.of("Jane Doe"), "Staff Clinician")).isFalse();
  }
}
