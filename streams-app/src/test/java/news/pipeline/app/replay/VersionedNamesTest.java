package news.pipeline.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionedNamesTest {

  @ParameterizedTest
  @CsvSource({
    "news.articles.canonical.v1, ., news.articles.canonical.v2",
    "news.articles.canonical.v12, ., news.articles.canonical.v2",
    "news-pipeline-v1, -, news-pipeline-v2",
    "my_app_v1, -, my_app_v2",
    "news.articles.canonical, ., news.articles.canonical.v2",
    "my-app, -, my-app-v2",
    "version1, -, version1-v2"
  })
  void aTrailingVersionIsReplacedOtherwiseAppended(String name, char separator, String expected) {
    assertThat(VersionedNames.withVersion(name, "v2", separator)).isEqualTo(expected);
  }

  @Test
  void versionMustBeVAndANumber() {
    assertThatThrownBy(() -> VersionedNames.withVersion("a.v1", "2", '.')).hasMessageContaining("like v2");
    assertThatThrownBy(() -> VersionedNames.withVersion("a.v1", "v2-beta", '.')).hasMessageContaining("like v2");
  }
}
