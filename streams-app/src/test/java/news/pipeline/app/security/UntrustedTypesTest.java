package news.pipeline.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No code we ship can be made to instantiate a type named by its input: Jackson default typing is
 * never turned on, snakeyaml is only used with its {@code SafeConstructor}, no Java serialization,
 * and Avro is read with generated (specific) classes only. A scan of every module's main sources.
 */
class UntrustedTypesTest {

  private static final Pattern FORBIDDEN =
      Pattern.compile(
          "activateDefaultTyping|enableDefaultTyping|setDefaultTyping|@JsonTypeInfo|ObjectInputStream"
              + "|new Constructor\\(|new Yaml\\(\\)|ReflectDatumReader|GenericDatumReader|XMLDecoder");

  @Test
  void noMainSourceDeserializesUntrustedTypes() throws IOException {
    List<String> hits = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> modules = Files.list(Path.of(".."))) {
      for (Path module : modules.filter(p -> Files.isDirectory(p.resolve("src/main/java"))).toList()) {
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
          files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
        }
      }
    }
    for (Path file : sources) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (FORBIDDEN.matcher(lines.get(i)).find()) {
          hits.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
        if (lines.get(i).contains("new Yaml(") && !lines.get(i).contains("SafeConstructor")) {
          hits.add(file + ":" + (i + 1) + ": snakeyaml without SafeConstructor: " + lines.get(i).strip());
        }
      }
    }

    assertThat(sources).as("main sources scanned").hasSizeGreaterThan(50);
    assertThat(hits).isEmpty();
  }
}
