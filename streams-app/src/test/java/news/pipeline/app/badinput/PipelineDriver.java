package news.pipeline.app.badinput;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.topology.ArticleTopology;
import news.pipeline.app.topology.StreamsSettings;
import news.pipeline.app.topology.Topics;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.DedupDecision;
import news.pipeline.schemas.EventSerdes;

/**
 * The real topology in a {@link TopologyTestDriver}: pipe raw values, collect what comes out of
 * the three output topics since the last {@link #drain()}, with the compacted view of the canonical
 * topic kept across drains.
 */
final class PipelineDriver implements AutoCloseable {

  /** A rejected record as a consumer sees it. */
  record Rejected(String key, byte[] value, Map<String, String> headers) {
    String reason() {
      return headers.getOrDefault(Topics.HEADER_REASON, headers.get("__streams.errors.exception.message"));
    }
  }

  /** What came out since the last drain. */
  record Output(List<Rejected> rejected, List<DedupDecision> decisions, List<CanonicalArticle> articleUpdates) {}

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> raw;
  private final TestOutputTopic<String, CanonicalArticle> canonical;
  private final TestOutputTopic<String, DedupDecision> decisions;
  private final TestOutputTopic<String, byte[]> rejected;
  private final Map<String, CanonicalArticle> live = new TreeMap<>();

  PipelineDriver(Path stateDir, Map<String, String> overrides) {
    Map<String, String> settings = new HashMap<>(overrides);
    settings.put("state.dir", stateDir.toString());
    settings.put("application.id", "bad-input-test");
    PipelineConfig config = ConfigLoader.load(null, Map.of(), settings).orThrow();
    driver = new TopologyTestDriver(ArticleTopology.build(config), StreamsSettings.properties(config));
    raw = driver.createInputTopic(Topics.RAW, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    canonical =
        driver.createOutputTopic(
            Topics.CANONICAL, Serdes.String().deserializer(), EventSerdes.canonicalArticle().deserializer());
    decisions =
        driver.createOutputTopic(
            Topics.DUPLICATES, Serdes.String().deserializer(), EventSerdes.dedupDecision().deserializer());
    rejected = driver.createOutputTopic(Topics.REJECTED, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
  }

  void pipe(String key, byte[] value, Instant timestamp) {
    raw.pipeInput(key, value, timestamp);
  }

  Output drain() {
    List<Rejected> rejects = new ArrayList<>();
    for (TestRecord<String, byte[]> r : rejected.readRecordsToList()) {
      Map<String, String> headers = new TreeMap<>();
      for (Header h : r.headers()) {
        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
      }
      rejects.add(new Rejected(r.key(), r.value(), headers));
    }
    List<CanonicalArticle> updates = new ArrayList<>();
    for (TestRecord<String, CanonicalArticle> r : canonical.readRecordsToList()) {
      if (r.value() == null) {
        live.remove(r.key());
      } else {
        live.put(r.key(), r.value());
        updates.add(r.value());
      }
    }
    return new Output(rejects, decisions.readValuesToList(), updates);
  }

  /** Live articles (latest version per id, tombstoned ones removed), keyed by article id. */
  Map<String, CanonicalArticle> live() {
    return live;
  }

  @Override
  public void close() {
    driver.close();
  }
}
