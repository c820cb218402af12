package news.pipeline.app.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's example consumer is the code that {@code ExampleConsumerIT} runs. */
class ExampleConsumerReadmeTest {

  static final Path SOURCE = Path.of("src/test/java/news/pipeline/app/example/ExampleConsumer.java");
  static final Path README = Path.of("..", "README.md");

  @Test
  void readmeSnippetIsTheMarkedRegionOfExampleConsumer() throws Exception {
    String source = Files.readString(SOURCE);
    String region = between(source, "// tag::example[]\n", "    // end::example[]");
    String readme = Files.readString(README);
    String snippet = between(between(readme, "<!-- example-consumer:start -->", "<!-- example-consumer:end -->"), "```java\n", "```");

    assertThat(region.lines().count()).as("a snippet a user can copy: about twenty lines").isBetween(10L, 25L);
    assertThat(snippet).isEqualTo(dedent(region));
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as("marker %s", start).isNotNegative();
    int to = text.indexOf(end, from + start.length());
    assertThat(to).as("marker %s", end).isNotNegative();
    return text.substring(from + start.length(), to);
  }

  /** Removes the indentation every line shares. */
  private static String dedent(String code) {
    List<String> lines = code.lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList()) + "\n";
  }

  @Test
  void dedentKeepsRelativeIndentation() {
    assertThat(dedent("    a\n      b\n")).isEqualTo("a\n  b\n");
    assertThat(Arrays.asList(dedent("  x\n").split("\n"))).containsExactly("x");
  }
}
