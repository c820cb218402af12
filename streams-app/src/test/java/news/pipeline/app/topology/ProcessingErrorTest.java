package news.pipeline.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.enrich.CandidateBuilder;
import news.pipeline.avro.RawDocument;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.producer.document.RawDocuments;
import news.pipeline.schemas.EventSerdes;

/**
 * A bug (an exception thrown by our own code while processing a record) sends that record to the
 * rejected topic through Kafka Streams' dead-letter queue, with the exception in the headers, and
 * the app goes on with the next record. Uses the real {@link DocumentProcessor} and the real
 * {@link StreamsSettings}, with an enrich step that fails on one document.
 */
class ProcessingErrorTest {

  private static final String CANDIDATES = "test.candidates";

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> raw;
  private TestOutputTopic<String, byte[]> rejected;
  private TestOutputTopic<String, ArticleCandidate> candidates;

  @BeforeEach
  void start() {
    PipelineConfig config =
        ConfigLoader.load(null, Map.of(), Map.of("state.dir", stateDir.toString(), "application.id", "processing-error-test"))
            .orThrow();
    CandidateBuilder real = new CandidateBuilder();
    ParseAhead.Enricher buggy =
        (doc, index, draft) -> {
          if (draft.page().title() != null && draft.page().title().contains("BUG")) {
            throw new IllegalStateException("a bug in enrich");
          }
          return real.build(doc, index, draft);
        };
    Properties props = StreamsSettings.properties(config);
    StreamsBuilder builder = new StreamsBuilder();
    ParseAhead ahead = new ParseAhead(config, buggy);
    KStream<String, Routed> parsed =
        builder
            .stream(Topics.RAW, Consumed.with(Serdes.String(), ahead.serde()).withName("raw-documents"))
            .process(() -> new DocumentProcessor(ahead), Named.as("parse-clean-enrich"));
    parsed
        .filter((k, v) -> v instanceof Routed.Reject, Named.as("rejects"))
        .mapValues(v -> ((Routed.Reject) v).original(), Named.as("reject-bytes"))
        .to(Topics.REJECTED, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("rejected-sink"));
    parsed
        .filter((k, v) -> v instanceof Routed.Candidate, Named.as("candidates"))
        .mapValues(v -> ((Routed.Candidate) v).candidate(), Named.as("candidate-values"))
        .to(CANDIDATES, Produced.with(Serdes.String(), EventSerdes.articleCandidate()).withName("candidate-sink"));
    driver = new TopologyTestDriver(builder.build(props), props);
    raw = driver.createInputTopic(Topics.RAW, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    rejected = driver.createOutputTopic(Topics.REJECTED, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    candidates =
        driver.createOutputTopic(CANDIDATES, Serdes.String().deserializer(), EventSerdes.articleCandidate().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private static byte[] page(String title) {
    String html = "<html><head><title>" + title + "</title></head><body><article><p>Body of " + title + ".</p></article></body></html>";
    RawDocument doc =
        RawDocuments.create(
            "test", "https://news.example/" + title.hashCode(), html.getBytes(StandardCharsets.UTF_8),
            Instant.parse("2024-05-01T10:00:00Z"), null, Map.of(), Map.of());
    return EventSerdes.rawDocument().encode(doc);
  }

  @Test
  void aBugInProcessingSendsTheRecordToTheRejectedTopicAndTheNextRecordGoesThrough() {
    byte[] buggy = page("This page hits a BUG in enrich");

    raw.pipeInput("bug-key", buggy);
    raw.pipeInput("good-key", page("A perfectly ordinary page about the weather"));

    TestRecord<String, byte[]> dead = rejected.readRecord();
    assertThat(dead.key()).isEqualTo("bug-key");
    assertThat(dead.value()).as("the original raw bytes").isEqualTo(buggy);
    assertThat(header(dead, "__streams.errors.exception")).isEqualTo(IllegalStateException.class.getName());
    assertThat(header(dead, "__streams.errors.message")).isEqualTo("a bug in enrich");
    assertThat(header(dead, "__streams.errors.topic")).isEqualTo(Topics.RAW);
    assertThat(header(dead, "__streams.errors.offset")).isEqualTo("0");
    assertThat(rejected.isEmpty()).isTrue();
    assertThat(candidates.readValuesToList())
        .singleElement()
        .satisfies(c -> assertThat(c.getTitle()).isEqualTo("A perfectly ordinary page about the weather"));
  }

  private static String header(TestRecord<String, byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as("header " + name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
