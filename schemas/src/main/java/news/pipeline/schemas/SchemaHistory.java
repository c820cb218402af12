package news.pipeline.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.DedupDecision;
import news.pipeline.avro.RawDocument;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.avro.internal.ClusterState;
import news.pipeline.avro.internal.DedupDocument;

/**
 * Every schema version each event type has ever been written with, loaded from {@code
 * avro/history/<Type>/v<N>.avsc} on the class path. A decoder backed by {@link #store()} reads
 * messages written with any of them; the history test checks that the current schema is the last
 * entry and that it can read all earlier ones.
 */
public final class SchemaHistory {

  /** The event types with a history, and how many versions each has. Bump when adding a file. */
  public static final Map<String, Integer> VERSIONS =
      Map.of(
          RawDocument.class.getSimpleName(), 1,
          CanonicalArticle.class.getSimpleName(), 2,
          DedupDecision.class.getSimpleName(), 1,
          ArticleCandidate.class.getSimpleName(), 1,
          DedupDocument.class.getSimpleName(), 4,
          ClusterState.class.getSimpleName(), 4);

  private static final SchemaStore.Cache STORE = load();

  private SchemaHistory() {}

  /** A store that knows every historical schema of every event type. */
  public static SchemaStore store() {
    return STORE;
  }

  /** The historical schemas of one type, oldest first. */
  public static List<Schema> versions(String typeName) {
    int count = VERSIONS.getOrDefault(typeName, 0);
    List<Schema> schemas = new ArrayList<>(count);
    for (int v = 1; v <= count; v++) {
      schemas.add(read("avro/history/" + typeName + "/v" + v + ".avsc"));
    }
    return schemas;
  }

  private static SchemaStore.Cache load() {
    SchemaStore.Cache cache = new SchemaStore.Cache();
    VERSIONS.keySet().forEach(type -> versions(type).forEach(cache::addSchema));
    return cache;
  }

  private static Schema read(String resource) {
    try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema history file missing from class path: " + resource);
      }
      return new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
