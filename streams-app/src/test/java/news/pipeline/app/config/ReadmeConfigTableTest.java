package news.pipeline.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration table lists exactly the keys of the defaults file, with their defaults. */
class ReadmeConfigTableTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([a-z.]+)` \\| `([^`]*)` \\|", Pattern.MULTILINE);

  @Test
  void readmeTableMatchesTheDefaultsFile() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String section = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## How it works"));
    Map<String, String> table = new TreeMap<>();
    Matcher m = ROW.matcher(section);
    while (m.find()) {
      table.put(m.group(1), m.group(2));
    }

    assertThat(table).isEqualTo(new TreeMap<>(ConfigLoader.defaults()));
  }
}
