package news.pipeline.app.dedup.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class TextVariantsTest {

  private static final String HEADLINE = "Amazon bans police use of its face recognition technology for a year";

  @RepeatedTest(20)
  void editedHeadlineDiffersByOneWord(org.junit.jupiter.api.RepetitionInfo info) {
    String edited = TextVariants.edited(HEADLINE, new Random(info.getCurrentRepetition()));

    Set<String> before = new HashSet<>(Arrays.asList(HEADLINE.split(" ")));
    Set<String> after = new HashSet<>(Arrays.asList(edited.split(" ")));
    Set<String> lost = new HashSet<>(before);
    lost.removeAll(after);
    assertThat(edited).isNotEqualTo(HEADLINE).startsWith("Amazon ");
    assertThat(lost).hasSizeLessThanOrEqualTo(1);
    assertThat(Math.abs(after.size() - before.size())).isLessThanOrEqualTo(1);
  }

  @Test
  void truncatedKeepsTheGivenShareOfWordsFromTheStart() {
    String body = "one two three four five.\n\nsix seven eight nine ten.";

    String cut = TextVariants.truncated(body, 0.6);

    assertThat(cut).isEqualTo("one two three four five.\n\nsix");
  }

  @Test
  void slugIsLowerCaseAsciiWords() {
    assertThat(TextVariants.slug("Amazon won’t say if its moratorium applies — Café")).isEqualTo("amazon-won-t-say-if-its-moratorium-applies");
  }
}
