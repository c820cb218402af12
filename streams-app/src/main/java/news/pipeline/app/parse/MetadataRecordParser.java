package news.pipeline.app.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Metadata records: YAML front matter ({@code ---} fenced) or a JSON object describing an article
 * and, under {@code related}, its related articles. Each article becomes one {@link ArticleDraft}
 * (see {@link MetadataFields} for the field names understood).
 *
 * <p>YAML is read with snakeyaml's {@link SafeConstructor} only (no type tags), with limits on
 * aliases, nesting and size, so an alias bomb or an unsafe tag is a rejection, not an outage.
 */
public final class MetadataRecordParser {

  static final String STAGE = "parse";
  private static final int MAX_ALIASES = 50;
  private static final int MAX_NESTING = 50;
  private static final int MAX_RELATED = 500;

  private final int maxCodePoints;
  private final ObjectMapper json;

  public MetadataRecordParser(int maxCodePoints) {
    this.maxCodePoints = maxCodePoints;
    this.json =
        JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    this.json
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).maxStringLength(maxCodePoints).build());
  }

  /** A YAML front-matter record: the part between the first two {@code ---} lines. */
  public ParseResult frontMatter(String text) {
    String stripped = text.stripLeading();
    if (!stripped.startsWith("---")) {
      return ParseResult.rejected(Rejection.of(STAGE, "front matter must start with a '---' line"));
    }
    int start = stripped.indexOf('\n');
    int end = start < 0 ? -1 : findClosingFence(stripped, start + 1);
    if (end < 0) {
      return ParseResult.rejected(Rejection.of(STAGE, "front matter has no closing '---' fence"));
    }
    Object root;
    try {
      root = yaml().load(stripped.substring(start + 1, end));
    } catch (YAMLException e) {
      return ParseResult.rejected(
          Rejection.of(STAGE, "invalid or unsafe YAML front matter: " + firstLine(e.getMessage()), e));
    }
    return fromTree(root, "YAML front matter");
  }

  /** A JSON metadata record. */
  public ParseResult json(String text) {
    Object root;
    try {
      root = json.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      return ParseResult.rejected(
          Rejection.of(STAGE, "invalid JSON record: " + firstLine(e.getOriginalMessage()), e));
    }
    return fromTree(root, "JSON record");
  }

  private ParseResult fromTree(Object root, String what) {
    if (!(root instanceof Map<?, ?> map)) {
      return ParseResult.rejected(Rejection.of(STAGE, what + " is not a mapping of fields"));
    }
    List<ArticleDraft> drafts = new ArrayList<>();
    MetadataFields.draft(map).ifPresent(drafts::add);
    if (map.get("related") instanceof List<?> related) {
      related.stream()
          .limit(MAX_RELATED)
          .filter(Map.class::isInstance)
          .map(Map.class::cast)
          .forEach(item -> MetadataFields.draft(item).ifPresent(drafts::add));
    }
    if (drafts.isEmpty()) {
      return ParseResult.rejected(
          Rejection.of(STAGE, what + " names no article: no title, URL or text found"));
    }
    return ParseResult.of(drafts);
  }

  private Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(maxCodePoints);
    options.setAllowRecursiveKeys(false);
    return new Yaml(new SafeConstructor(options));
  }

  private static int findClosingFence(String text, int from) {
    int pos = from;
    while (pos < text.length()) {
      int eol = text.indexOf('\n', pos);
      String line = (eol < 0 ? text.substring(pos) : text.substring(pos, eol)).strip();
      if (line.equals("---") || line.equals("...")) {
        return pos;
      }
      if (eol < 0) {
        return -1;
      }
      pos = eol + 1;
    }
    return -1;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String line = message.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
