package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The publication date in a page's script data, looked for around its cues only. */
class ScriptDateTest {

  @Test
  void aDateFarBehindAnEarlierCueIsFound() {
    String data = "{\"publisher\":{\"name\":\"Daily\"}," + "x".repeat(1_000_000)
        + ",\"datePublished\" : \"2024-05-01T10:00:00Z\"}";

    assertThat(DateExtractor.firstScriptDate(data)).isEqualTo("2024-05-01T10:00:00Z");
  }

  @Test
  void keysWhoseCueIsInsideThemAreFound() {
    assertThat(DateExtractor.firstScriptDate("window.s={firstPublishedAt:'2023-01-02 10:00'}")).isEqualTo("2023-01-02 10:00");
    assertThat(DateExtractor.firstScriptDate("{'pubDate': 'Tue, 03 Jan 2023 10:00:00 GMT'}"))
        .isEqualTo("Tue, 03 Jan 2023 10:00:00 GMT");
    assertThat(DateExtractor.firstScriptDate("var publisher = 'Daily'; var published = true;")).isNull();
    assertThat(DateExtractor.firstScriptDate("")).isNull();
  }

  @Test
  void theResultIsTheFirstMatchOfTheWholeScriptAsBefore() {
    // the same answer as the regex searching the whole script, on scripts mixing keys, near misses and filler
    String[] parts = {
      "\"publisher\":\"Daily\",", "\"datePublished\":\"2024-05-01T10:00:00Z\",", "publishDate: '2022-03-04',",
      "\"published_at\" :\n \"2021-12-31T23:59:59+01:00\",", "\"datePublished\":\"short\",", "pubDate='x'",
      "var a = 1;", " ".repeat(300), "x".repeat(5_000), "\"firstPublishedAt\":\"2020-06-07T08:09:10Z\",",
      "'publish_date'  :  '2019-01-01'", "ublish", "\"datePublished\":\n\n\n\"2018-02-03\"",
    };
    Random random = new Random(20261203);
    List<String> scripts = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      StringBuilder script = new StringBuilder();
      for (int k = random.nextInt(8); k >= 0; k--) {
        script.append(parts[random.nextInt(parts.length)]);
      }
      scripts.add(script.toString());
    }
    for (String script : scripts) {
      Matcher whole = DateExtractor.SCRIPT_DATE.matcher(script);
      String expected = whole.find() ? whole.group(1) : null;
      assertThat(DateExtractor.firstScriptDate(script)).as(script).isEqualTo(expected);
    }
  }
}
