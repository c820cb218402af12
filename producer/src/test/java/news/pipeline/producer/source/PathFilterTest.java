package news.pipeline.producer.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class PathFilterTest {

  @ParameterizedTest(name = "include {0} exclude {1}: {2} -> {3}")
  @CsvFileSource(resources = "/path-filter-cases.csv")
  void globsSelectFiles(String includes, String excludes, String path, boolean expected) {
    assertThat(PathFilter.of(split(includes), split(excludes)).test(path)).isEqualTo(expected);
  }

  @Test
  void malformedGlobIsRefused() {
    assertThatThrownBy(() -> PathFilter.of(List.of("[a-"), List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void folderWalkAppliesTheFilterButNamedFilesAreAlwaysRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Files.writeString(dir.resolve("a.html"), "<html>");
    java.nio.file.Files.writeString(dir.resolve("b.txt"), "text");
    CollectingSink sink = new CollectingSink();
    FileSource files = new FileSource(sink, 1000, PathFilter.of(List.of("*.html"), List.of()));
    files.read(dir);
    files.read(dir.resolve("b.txt"));
    assertThat(sink.sources()).containsExactly("file:a.html", "file:b.txt");
  }

  private static List<String> split(String globs) {
    return globs == null ? List.of() : Arrays.asList(globs.split(";"));
  }
}
