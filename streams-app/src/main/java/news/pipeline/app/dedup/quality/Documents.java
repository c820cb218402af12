package news.pipeline.app.dedup.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.document.RawDocuments;

/** Builds the raw documents of the quality set the way the producer does, with readable ids. */
final class Documents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Documents() {}

  /** A fetched document; {@code type} null lets the producer detect it, as for crawled bytes. */
  static RawDocument fetched(String id, String source, String url, ContentType type, byte[] body, Instant at) {
    RawDocument raw = RawDocuments.create(source, url, type, body, at, null, Map.of(), Map.of());
    return RawDocument.newBuilder(raw).setId(id).build();
  }

  static RawDocument html(String id, String source, String url, String html, Instant at) {
    return fetched(id, source, url, ContentType.HTML, html.getBytes(StandardCharsets.UTF_8), at);
  }

  /** A metadata record as JSON ({@code yaml} false) or YAML front matter, with the given fields. */
  static RawDocument record(String id, String source, Map<String, Object> fields, boolean yaml, Instant at) {
    String body = yaml ? frontMatter(fields) : json(fields);
    ContentType type = yaml ? ContentType.FRONT_MATTER : ContentType.JSON;
    Object url = fields.get("url");
    return fetched(id, source, url == null ? null : url.toString(), type, body.getBytes(StandardCharsets.UTF_8), at);
  }

  static Map<String, Object> fields(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        map.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return map;
  }

  private static String json(Map<String, Object> fields) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** YAML front matter; JSON string literals are valid YAML double-quoted scalars. */
  private static String frontMatter(Map<String, Object> fields) {
    StringBuilder yaml = new StringBuilder("---\n");
    try {
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        yaml.append(field.getKey()).append(": ").append(JSON.writeValueAsString(field.getValue())).append('\n');
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return yaml.append("---\n").toString();
  }
}
