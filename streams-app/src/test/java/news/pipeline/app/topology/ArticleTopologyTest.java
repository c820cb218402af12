package news.pipeline.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import news.pipeline.app.Seeds;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.DedupDecision;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.document.RawDocuments;
import news.pipeline.schemas.EventSerdes;

/** The topology without a broker: configure, pipe input, assert output. */
class ArticleTopologyTest {

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, CanonicalArticle> canonical;
  private TestOutputTopic<String, DedupDecision> decisions;
  private TestOutputTopic<String, byte[]> rejected;

  @BeforeEach
  void start() {
    PipelineConfig config =
        ConfigLoader.load(null, Map.of(), Map.of("state.dir", stateDir.toString(), "application.id", "topology-test"))
            .orThrow();
    driver = new TopologyTestDriver(ArticleTopology.build(config), StreamsSettings.properties(config));
    raw = driver.createInputTopic(Topics.RAW, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    canonical =
        driver.createOutputTopic(Topics.CANONICAL, Serdes.String().deserializer(), EventSerdes.canonicalArticle().deserializer());
    decisions =
        driver.createOutputTopic(Topics.DUPLICATES, Serdes.String().deserializer(), EventSerdes.dedupDecision().deserializer());
    rejected = driver.createOutputTopic(Topics.REJECTED, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static List<RawDocument> seeds() throws Exception {
    List<RawDocument> docs = new ArrayList<>();
    try (Stream<Path> files = Files.list(Seeds.DIR)) {
      for (Path file : files.sorted().toList()) {
        docs.add(
            RawDocuments.create(
                "file:" + file.getFileName(), null, Files.readAllBytes(file), Instant.parse("2020-06-11T04:00:00Z"),
                null, Map.of(), Map.of()));
      }
    }
    return docs;
  }

  private void pipe(RawDocument doc) {
    String key = doc.getUrl() != null ? doc.getUrl() : doc.getId();
    raw.pipeInput(key, EventSerdes.rawDocument().encode(doc), doc.getFetchedAt());
  }

  /** The compacted view: latest value per key, tombstoned keys removed. */
  private Map<String, CanonicalArticle> latestArticles() {
    Map<String, CanonicalArticle> latest = new TreeMap<>();
    for (TestRecord<String, CanonicalArticle> record : canonical.readRecordsToList()) {
      if (record.value() == null) {
        latest.remove(record.key());
      } else {
        latest.put(record.key(), record.value());
      }
    }
    return latest;
  }

  private static Map<String, Set<String>> membership(Map<String, CanonicalArticle> articles) {
    Map<String, Set<String>> map = new TreeMap<>();
    articles.forEach(
        (id, a) -> map.put(id, a.getMembers().stream().map(m -> m.getDocumentId()).collect(Collectors.toSet())));
    return map;
  }

  @Test
  void seedsGiveFourteenArticlesFromSixteenCandidates() throws Exception {
    seeds().forEach(this::pipe);

    Map<String, CanonicalArticle> articles = latestArticles();

    assertThat(decisions.readRecordsToList()).hasSize(16);
    assertThat(rejected.isEmpty()).isTrue();
    assertThat(articles.values().stream().mapToInt(a -> a.getMembers().size()).sum()).isEqualTo(16);
    assertThat(articles).hasSize(14);
    assertThat(articles.values())
        .filteredOn(a -> a.getMembers().size() > 1)
        .singleElement()
        .satisfies(a -> assertThat(a.getUrls()).anyMatch(u -> u.contains("charlotteobserver.com")).anyMatch(u -> u.contains("chron.com")));
  }

  @Test
  void outputDoesNotDependOnInputOrder() throws Exception {
    List<RawDocument> docs = seeds();
    docs.forEach(this::pipe);
    Map<String, Set<String>> forward = membership(latestArticles());
    stop();
    start();
    List<RawDocument> reversed = new ArrayList<>(docs);
    Collections.reverse(reversed);
    reversed.forEach(this::pipe);

    assertThat(membership(latestArticles())).isEqualTo(forward);
  }

  @Test
  void garbageGoesToTheRejectedTopicWithItsReasonAndOriginalBytes() {
    byte[] garbage = {0x00, 0x13, (byte) 0xFF, 0x7F, 0x42};

    raw.pipeInput("some-key", garbage);

    TestRecord<String, byte[]> record = rejected.readRecord();
    assertThat(record.key()).isEqualTo("some-key");
    assertThat(record.value()).isEqualTo(garbage);
    assertThat(new String(record.headers().lastHeader(Topics.HEADER_STAGE).value(), StandardCharsets.UTF_8)).isEqualTo("decode");
    assertThat(new String(record.headers().lastHeader(Topics.HEADER_REASON).value(), StandardCharsets.UTF_8))
        .contains("neither an Avro");
    assertThat(new String(record.headers().lastHeader(Topics.HEADER_SOURCE_TOPIC).value(), StandardCharsets.UTF_8))
        .isEqualTo(Topics.RAW);
    assertThat(canonical.isEmpty()).isTrue();
  }

  @Test
  void jsonEnvelopeFromAnyCrawlerIsAccepted() {
    String envelope =
        "{\"url\":\"https://news.example.com/2020/06/10/story\",\"contentType\":\"HTML\","
            + "\"fetchedAt\":\"2020-06-10T12:00:00Z\",\"source\":\"shell-crawler\","
            + "\"body\":\"<html><head><title>Council approves the new riverside park plan</title></head><body><article>"
            + "<h1>Council approves the new riverside park plan</h1><p>The city council voted on Tuesday to approve the plan, "
            + "which adds twelve acres of green space along the river and a new footbridge.</p></article></body></html>\"}";

    raw.pipeInput("https://news.example.com/2020/06/10/story", envelope.getBytes(StandardCharsets.UTF_8));

    assertThat(rejected.isEmpty()).isTrue();
    CanonicalArticle article = canonical.readValue();
    assertThat(article.getTitle()).isEqualTo("Council approves the new riverside park plan");
    assertThat(article.getText()).contains("twelve acres");
  }

  @Test
  void theSameDocumentSentTwiceIsOneMemberOnce() throws Exception {
    RawDocument doc = seeds().get(2);

    pipe(doc);
    pipe(doc);

    assertThat(decisions.readRecordsToList()).hasSize(1);
    assertThat(latestArticles().values()).singleElement().satisfies(a -> assertThat(a.getMembers()).hasSize(1));
  }
}
