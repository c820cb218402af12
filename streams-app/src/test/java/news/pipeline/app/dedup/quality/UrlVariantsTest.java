package news.pipeline.app.dedup.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlVariantsTest {

  private static final String URL = "https://www.example.com/news/2024/06/03/story-of-the-day/";

  @ParameterizedTest
  @CsvSource({
    "tracking, https://www.example.com/news/2024/06/03/story-of-the-day/?",
    "scheme, http://www.example.com/news/2024/06/03/story-of-the-day/",
    "trailing-slash, https://www.example.com/news/2024/06/03/story-of-the-day",
    "fragment, https://www.example.com/news/2024/06/03/story-of-the-day/#",
    "upper-case-host, https://WWW.EXAMPLE.COM/news/2024/06/03/story-of-the-day/",
    "amp-cache, https://www-example-com.cdn.ampproject.org/",
    "amp-viewer, https://www.google.com/amp/s/",
  })
  void eachFormLooksAsCrawlersSeeIt(String form, String expectedStart) {
    String variant = UrlVariants.of(form, URL, new Random(3));

    assertThat(variant).isNotEqualTo(URL).startsWith(expectedStart);
  }

  @ParameterizedTest
  @CsvSource({"1", "2", "3", "4", "5", "6", "7", "8"})
  void everyVariantKeepsTheArticlePath(long seed) {
    for (UrlVariants.Variant v : UrlVariants.distinct(URL, 6, new Random(seed))) {
      assertThat(v.url()).as(v.form()).contains("/news/2024/06/03/story-of-the-day").isNotEqualTo(URL);
    }
  }
}
