package news.pipeline.app.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityUrlsTest {

  @Test
  void aCanonicalLinkToTheHomePageIsNotAnIdentity() {
    assertThat(IdentityUrls.of(List.of("https://www.example.com/", "https://www.example.com/news/2024/05/storm-hits-coast")))
        .containsExactly("https://www.example.com/news/2024/05/storm-hits-coast");
  }

  @Test
  void aCanonicalLinkToTheSectionAboveIsNotAnIdentity() {
    assertThat(IdentityUrls.of(List.of("https://example.com/news", "http://example.com/news/storm-hits-coast?utm_source=x")))
        .containsExactly("http://example.com/news/storm-hits-coast?utm_source=x");
  }

  @Test
  void anAmpFormIsNotAChildOfItsArticle() {
    List<String> urls = List.of("https://example.com/news/storm-hits-coast", "https://example.com/news/storm-hits-coast/amp");

    assertThat(IdentityUrls.of(urls)).isEqualTo(urls);
  }

  @Test
  void urlsOnOtherHostsAreKept() {
    List<String> urls = List.of("https://wire.example.org/", "https://example.com/news/storm-hits-coast");

    assertThat(IdentityUrls.of(urls)).isEqualTo(urls);
  }
}
