package news.pipeline.app.clean;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;

/**
 * The schema.org objects a page declares in {@code <script type="application/ld+json">}, flattened
 * ({@code @graph} and arrays unwrapped). Broken JSON is skipped, never thrown.
 */
final class JsonLd {

  private static final Evaluator SCRIPT = PageElements.query("script[type~=(?i)application/ld\\+json]");
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
          JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .build();

  private final List<JsonNode> nodes;

  private JsonLd(List<JsonNode> nodes) {
    this.nodes = nodes;
  }

  static JsonLd of(Document doc) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Element script : PageElements.selectWithAttributes(doc, SCRIPT, null)) {
      try {
        flatten(MAPPER.readTree(script.data().strip()), nodes, 0);
      } catch (Exception e) {
        // pages often ship broken JSON-LD; it is optional metadata
      }
    }
    return new JsonLd(nodes);
  }

  List<JsonNode> nodes() {
    return nodes;
  }

  /** The first object whose {@code @type} ends with "Article", "Posting" or "Report". */
  JsonNode article() {
    for (JsonNode n : nodes) {
      for (String type : types(n)) {
        if (type.endsWith("article") || type.endsWith("posting") || type.equals("report")
            || type.equals("blogposting")) {
          return n;
        }
      }
    }
    for (JsonNode n : nodes) {
      if (n.has("headline")) {
        return n;
      }
    }
    return null;
  }

  /** Whether any object has one of the given types (lower-case). */
  boolean hasType(String... wanted) {
    for (JsonNode n : nodes) {
      for (String type : types(n)) {
        for (String w : wanted) {
          if (type.equals(w)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  static List<String> types(JsonNode n) {
    List<String> out = new ArrayList<>();
    JsonNode t = n.get("@type");
    if (t == null) {
      return out;
    }
    if (t.isArray()) {
      t.forEach(x -> out.add(x.asText().toLowerCase(Locale.ROOT)));
    } else {
      out.add(t.asText().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** A text value, or the "name" of an object value, or the first of an array. */
  static String text(JsonNode n, String field) {
    if (n == null) {
      return null;
    }
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      v = v.size() > 0 ? v.get(0) : null;
    }
    if (v == null) {
      return null;
    }
    if (v.isObject()) {
      v = v.has("name") ? v.get("name") : v.get("@value");
    }
    return v == null || !v.isValueNode() ? null : v.asText().strip();
  }

  /**
   * Names of the authors: strings, Person objects or arrays of either; {@code {"@id": ...}}
   * references (Yoast-style graphs) are looked up among the page's other objects.
   */
  List<String> personNames(JsonNode n, String field) {
    List<String> out = new ArrayList<>();
    JsonNode v = n == null ? null : n.get(field);
    if (v == null) {
      return out;
    }
    List<JsonNode> items = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(items::add);
    } else {
      items.add(v);
    }
    for (JsonNode item : items) {
      if (item.isObject() && !item.has("name") && item.hasNonNull("@id")) {
        JsonNode target = byId(item.get("@id").asText());
        if (target != null) {
          item = target;
        }
      }
      if (item.isTextual()) {
        out.add(item.asText());
      } else if (item.isObject() && item.hasNonNull("name")) {
        boolean organization = types(item).stream().anyMatch(t -> t.contains("organization"));
        if (!organization) {
          out.add(JsonLd.text(item, "name"));
        }
      }
    }
    return out;
  }

  private JsonNode byId(String id) {
    for (JsonNode n : nodes) {
      if (n.has("@id") && id.equals(n.get("@id").asText()) && n.has("name")) {
        return n;
      }
    }
    return null;
  }

  /** Names of the authors: strings, Person objects or arrays of either. */
  static List<String> names(JsonNode n, String field) {
    List<String> out = new ArrayList<>();
    JsonNode v = n == null ? null : n.get(field);
    if (v == null) {
      return out;
    }
    List<JsonNode> items = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(items::add);
    } else {
      items.add(v);
    }
    for (JsonNode item : items) {
      if (item.isTextual()) {
        out.add(item.asText());
      } else if (item.isObject() && item.hasNonNull("name")) {
        boolean organization = types(item).stream().anyMatch(t -> t.contains("organization"));
        if (!organization) {
          out.add(item.get("name").asText());
        }
      }
    }
    return out;
  }

  private static void flatten(JsonNode n, List<JsonNode> out, int depth) {
    if (n == null || depth > 4) {
      return;
    }
    if (n.isArray()) {
      n.forEach(x -> flatten(x, out, depth + 1));
    } else if (n.isObject()) {
      out.add(n);
      if (n.has("@graph")) {
        flatten(n.get("@graph"), out, depth + 1);
      }
      JsonNode main = n.get("mainEntity");
      if (main != null && main.isObject()) {
        flatten(main, out, depth + 1);
      }
    }
  }
}
