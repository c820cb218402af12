package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageAndAliasTest {

  private static final String GERMAN = "Der Stadtrat hat am Dienstag beschlossen, das Busnetz zu"
      + " erweitern. Drei neue Linien sollen im Herbst fahren, dazu kommt ein Nachtbus, den sich"
      + " viele Anwohner seit Jahren gewünscht haben.";
  private static final String ENGLISH = "The council voted on Tuesday to expand the bus network,"
      + " adding three routes, longer hours and a night service that residents had asked for.";

  @Test
  void guessesTheLanguageOfATextAndNothingForATooShortOne() {
    assertThat(LanguageGuesser.guess(GERMAN)).isEqualTo("de");
    assertThat(LanguageGuesser.guess(ENGLISH)).isEqualTo("en");
    assertThat(LanguageGuesser.guess("OK")).isNull();
    assertThat(LanguageGuesser.guess(null)).isNull();
  }

  @Test
  void pageWithoutDeclaredLanguageGetsTheDetectedOne() {
    String html = "<html><head><title>Busnetz</title></head><body><article><h1>Busnetz wächst</h1>"
        + ("<p>" + GERMAN + "</p>").repeat(4) + "</article></body></html>";
    assertThat(new HtmlCleaner().clean(html, "https://example.de/a").language()).isEqualTo("de");
  }

  @Test
  void ampCacheFormDoublesDashesAndMakesDotsDashes() {
    assertThat(AmpUrls.cacheForm("https://news.example-site.com/amp/story?x=1"))
        .isEqualTo("https://news-example--site-com.cdn.ampproject.org/c/s/news.example-site.com/amp/story?x=1");
    assertThat(AmpUrls.cacheForm("http://example.com/amp/a"))
        .isEqualTo("https://example-com.cdn.ampproject.org/c/example.com/amp/a");
    assertThat(AmpUrls.cacheForm("https://example-com.cdn.ampproject.org/c/s/example.com/a")).isNull();
    assertThat(AmpUrls.cacheForm("/relative")).isNull();
  }

  @Test
  void aliasUrlsHoldTheAmpPageAndItsCacheForm() {
    String html = "<html lang=en><head><link rel=canonical href=\"https://example.com/news/bus\">"
        + "<link rel=amphtml href=\"/amp/news/bus\"></head><body><p>" + ENGLISH + "</p></body></html>";
    assertThat(new HtmlCleaner().clean(html, "https://example.com/news/bus").aliasUrls())
        .containsExactly("https://example.com/amp/news/bus",
            "https://example-com.cdn.ampproject.org/c/s/example.com/amp/news/bus");
  }

  @Test
  void anAmpPageListsItsOwnUrlAndCacheFormBesideTheCanonical() {
    String html = "<html amp lang=en><head><link rel=canonical href=\"https://example.com/news/bus\">"
        + "</head><body><p>" + ENGLISH + "</p></body></html>";
    assertThat(new HtmlCleaner().clean(html, "https://example.com/amp/news/bus").aliasUrls())
        .containsExactly("https://example.com/amp/news/bus",
            "https://example-com.cdn.ampproject.org/c/s/example.com/amp/news/bus");
  }
}
