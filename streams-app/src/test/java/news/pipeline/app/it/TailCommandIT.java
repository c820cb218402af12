package news.pipeline.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import news.pipeline.app.cli.PipelineCli;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.TopicSetup;
import news.pipeline.app.topology.Topics;
import news.pipeline.avro.ArticleMember;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.MatchSignal;
import news.pipeline.schemas.EventSerdes;
import news.pipeline.testkit.TestKafka;
import picocli.CommandLine;

/**
 * {@code ./pipeline tail} on a real broker, over a canonical topic written here with known
 * timestamps: article a in two versions, b retired by a tombstone, c.
 */
class TailCommandIT {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static TestKafka kafka;
  private static PipelineConfig config;

  @BeforeAll
  static void writeTopics(@TempDir Path state) throws Exception {
    kafka = TestKafka.start();
    config = PipelineRuns.config(kafka.bootstrapServers(), "tail-it", state, Map.of());
    TopicSetup.ensureTopics(config);
    try (KafkaProducer<String, byte[]> producer = producer()) {
      send(producer, Topics.CANONICAL, "a", article("a", "A one", NOW.minus(3, ChronoUnit.HOURS)), NOW.minus(3, ChronoUnit.HOURS));
      send(producer, Topics.CANONICAL, "b", article("b", "B one", NOW.minus(2, ChronoUnit.HOURS)), NOW.minus(2, ChronoUnit.HOURS));
      send(producer, Topics.CANONICAL, "a", article("a", "A two", NOW.minus(3, ChronoUnit.HOURS)), NOW.minus(30, ChronoUnit.MINUTES));
      send(producer, Topics.CANONICAL, "c", article("c", "C one", NOW.minus(20, ChronoUnit.MINUTES)), NOW.minus(20, ChronoUnit.MINUTES));
      send(producer, Topics.CANONICAL, "b", null, NOW.minus(10, ChronoUnit.MINUTES));
      ProducerRecord<String, byte[]> rejected =
          new ProducerRecord<>(Topics.REJECTED, null, NOW.toEpochMilli(), "https://x.example/feed", "<rss/>".getBytes(StandardCharsets.UTF_8));
      rejected.headers().add(new RecordHeader(Topics.HEADER_STAGE, "clean".getBytes(StandardCharsets.UTF_8)));
      rejected.headers().add(new RecordHeader(Topics.HEADER_REASON, "no article text".getBytes(StandardCharsets.UTF_8)));
      producer.send(rejected).get();
    }
  }

  @AfterAll
  static void stopKafka() throws Exception {
    kafka.close();
  }

  @Test
  void fromTheBeginningPrintsEveryVersionAndTheTombstone() {
    Output result = tail();

    assertThat(result.exit).isZero();
    assertThat(result.lines()).hasSize(5).contains("{\"id\":\"b\",\"retired\":true}");
    assertThat(result.titles()).containsExactlyInAnyOrder("A one", "B one", "A two", "C one");
  }

  @Test
  void limitStopsAfterNRecords() {
    assertThat(tail("--limit", "2").lines()).hasSize(2);
  }

  @Test
  void sinceADurationSkipsOlderRecords() {
    Output result = tail("--since", "PT1H");

    assertThat(result.lines()).hasSize(3).contains("{\"id\":\"b\",\"retired\":true}");
    assertThat(result.titles()).containsExactlyInAnyOrder("A two", "C one");
  }

  @Test
  void sinceAnInstantSeeksByTimestamp() {
    Output result = tail("--since", NOW.minus(150, ChronoUnit.MINUTES).toString());

    assertThat(result.titles()).containsExactlyInAnyOrder("B one", "A two", "C one");
  }

  @Test
  void latestPrintsEachLiveArticleOnceInItsLatestVersion() {
    Output result = tail("--latest");

    assertThat(result.exit).isZero();
    assertThat(result.titles()).containsExactly("A two", "C one");
    assertThat(result.lines()).noneMatch(l -> l.contains("\"retired\""));
  }

  @Test
  void rejectedTopicShowsTheReasonHeaders() {
    Output result = tail("--topic", "rejected");

    assertThat(result.lines())
        .singleElement()
        .asString()
        .contains("\"key\":\"https://x.example/feed\"", "\"stage\":\"clean\"", "\"reason\":\"no article text\"", "\"text\":\"<rss/>\"");
  }

  @Test
  void followFromTheEndPrintsRecordsWrittenAfterItStarted() throws Exception {
    String topic = "tail-it.follow";
    try (Admin admin = Admin.create(ClientSettings.admin(config))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<String, byte[]> producer = producer()) {
      send(producer, topic, "old", article("old", "Written before", NOW), NOW);
      AtomicInteger exit = new AtomicInteger(-1);
      StringWriter out = new StringWriter();
      Thread tail =
          new Thread(() -> exit.set(cli(out).execute(args("--topic", topic, "--from-end", "--follow", "--limit", "1"))), "tail-follow");
      tail.setDaemon(true);
      tail.start();
      // the tail seeks to the end when it starts; keep writing until it has printed one new record
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (tail.isAlive() && System.nanoTime() < deadline) {
        send(producer, topic, "new", article("new", "Written after", Instant.now()), Instant.now());
        tail.join(500);
      }

      assertThat(tail.isAlive()).as("tail --follow --limit 1 ends after one new record").isFalse();
      assertThat(exit.get()).isZero();
      assertThat(out.toString()).contains("Written after").doesNotContain("Written before");
    }
  }

  @Test
  void aMissingTopicIsAClearError() {
    StringWriter err = new StringWriter();
    CommandLine cli = cli(new StringWriter());
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute(args("--topic", "no.such.topic"))).isEqualTo(1);
    assertThat(err.toString()).contains("topic no.such.topic does not exist");
  }

  private record Output(int exit, String text) {
    List<String> lines() {
      return text.lines().filter(l -> !l.isBlank()).toList();
    }

    List<String> titles() {
      List<String> titles = new ArrayList<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"title\":\"([^\"]*)\"").matcher(text);
      while (m.find()) {
        titles.add(m.group(1));
      }
      return titles;
    }
  }

  private static Output tail(String... options) {
    StringWriter out = new StringWriter();
    int exit = cli(out).execute(args(options));
    return new Output(exit, out.toString());
  }

  private static String[] args(String... options) {
    List<String> args = new ArrayList<>(List.of("tail", "--bootstrap-server", kafka.bootstrapServers()));
    args.addAll(List.of(options));
    return args.toArray(String[]::new);
  }

  private static CommandLine cli(StringWriter out) {
    CommandLine cli = PipelineCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    return cli;
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
  }

  private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, CanonicalArticle value, Instant timestamp)
      throws Exception {
    byte[] bytes = value == null ? null : EventSerdes.canonicalArticle().encode(value);
    producer.send(new ProducerRecord<>(topic, null, timestamp.toEpochMilli(), key, bytes)).get();
  }

  private static CanonicalArticle article(String id, String title, Instant firstSeen) {
    return CanonicalArticle.newBuilder()
        .setId(id)
        .setTitle(title)
        .setFirstSeen(firstSeen)
        .setLastSeen(firstSeen)
        .setMembers(
            List.of(
                ArticleMember.newBuilder()
                    .setDocumentId(id)
                    .setSource("tail-it")
                    .setEventTime(firstSeen)
                    .setMatchedBy(MatchSignal.FIRST)
                    .setSimilarity(1.0)
                    .build()))
        .build();
  }
}
