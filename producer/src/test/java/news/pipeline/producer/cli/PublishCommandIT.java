package news.pipeline.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.Seeds;
import news.pipeline.testkit.TestKafka;
import news.pipeline.producer.publish.DocumentPublisher;
import news.pipeline.producer.source.TestWarcs;
import news.pipeline.schemas.EventSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code publish seeds/} against a real broker, read back with a plain consumer. */
class PublishCommandIT {

  private static TestKafka broker;

  @BeforeAll
  static void startBroker() throws Exception {
    broker = TestKafka.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void seedsArriveAsFiveDecodableDocumentsWithStableIds() throws Exception {
    createTopic("raw-a", 3);
    createTopic("raw-b", 3);

    assertThat(publish("raw-a")).startsWith("published 5 documents (0.03 MB) to raw-a: 5 sent, 0 skipped, 0 failed\n");
    assertThat(publish("raw-b")).contains("5 sent, 0 skipped, 0 failed\n");

    List<ConsumerRecord<String, byte[]>> first = consume("raw-a", 5);
    List<ConsumerRecord<String, byte[]>> second = consume("raw-b", 5);
    assertThat(first).hasSize(5);

    Map<String, ContentType> expectedTypes = expectedTypes();
    Map<String, String> idsBySource = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : first) {
      RawDocument doc = EventSerdes.rawDocument().decode(record.value());
      String file = doc.getSource().substring("file:".length());
      assertThat(doc.getContentType()).as(file).isEqualTo(expectedTypes.get(file));
      assertThat(doc.getId()).matches("[0-9a-f]{16}");
      assertThat(record.key()).isEqualTo(DocumentPublisher.recordKey(doc));
      assertThat(record.timestamp()).isEqualTo(Files.getLastModifiedTime(Seeds.file(file)).toMillis());
      idsBySource.put(doc.getSource(), doc.getId());
    }
    assertThat(idsBySource).hasSize(5);

    Map<String, String> republished = new HashMap<>();
    second.forEach(r -> {
      RawDocument doc = EventSerdes.rawDocument().decode(r.value());
      republished.put(doc.getSource(), doc.getId());
    });
    assertThat(republished).isEqualTo(idsBySource);
  }

  private static String publish(String topic) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new PublishCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute("--bootstrap-server", broker.bootstrapServers(), "--topic", topic, Seeds.FOLDER.toString());
    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    return out.toString().strip();
  }

  private static Map<String, ContentType> expectedTypes() throws IOException {
    Map<String, ContentType> types = new HashMap<>();
    try (Stream<String> lines = Files.lines(Path.of("src/test/resources/seeds-expected.csv"))) {
      lines.filter(line -> !line.startsWith("#"))
          .map(line -> line.split(","))
          .forEach(cells -> types.put(cells[0], ContentType.valueOf(cells[1])));
    }
    return types;
  }

  private static void createTopic(String name, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }
  }

  private static List<ConsumerRecord<String, byte[]>> consume(String topic, int expected) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      // a short extra poll shows that nothing beyond the expected records arrived
      consumer.poll(Duration.ofMillis(300)).forEach(records::add);
    }
    return records;
  }

  @Test
  void stdinEnvelopesArriveKeyedByUrlAndBadLinesFailTheRun() throws Exception {
    createTopic("raw-stdin", 1);
    String lines =
        """
        {"url": "https://example.com/a", "body": "<html>a</html>", "fetchedAt": "2020-06-11T02:01:00Z"}
        {"body": "no url here", "source": "crawler-2"}
        {"url": "https://example.com/broken"
        """;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new PublishCommand().withStdin(
        new java.io.ByteArrayInputStream(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("--bootstrap-server", broker.bootstrapServers(), "--topic", "raw-stdin", "-");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("failed stdin line 3: not valid JSON");
    assertThat(out.toString()).contains("to raw-stdin: 2 sent, 0 skipped, 1 failed");
    List<ConsumerRecord<String, byte[]>> records = consume("raw-stdin", 2);
    assertThat(records).hasSize(2);
    RawDocument first = EventSerdes.rawDocument().decode(records.get(0).value());
    RawDocument second = EventSerdes.rawDocument().decode(records.get(1).value());
    assertThat(records.get(0).key()).isEqualTo("example.com/a");
    assertThat(records.get(0).timestamp()).isEqualTo(java.time.Instant.parse("2020-06-11T02:01:00Z").toEpochMilli());
    assertThat(first.getContentType()).isEqualTo(ContentType.HTML);
    assertThat(records.get(1).key()).isEqualTo(second.getId());
    assertThat(second.getSource()).isEqualTo("crawler-2");
  }

  @Test
  void aBrokenWarcRecordFailsTheRunAndTheGoodRecordsAroundItArrive() throws Exception {
    createTopic("raw-warc", 3);
    Path dir = Files.createTempDirectory("broken-warc");
    Path warc = TestWarcs.writeWithBrokenRecord(dir.resolve("crawl.warc.gz"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new PublishCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("--bootstrap-server", broker.bootstrapServers(), "--topic", "raw-warc",
        "--progress", "none", warc.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("to raw-warc: 2 sent, 0 skipped, 1 failed");
    assertThat(err.toString()).containsPattern("failed file:crawl\\.warc\\.gz offset \\d+: bad WARC record: ");
    List<ConsumerRecord<String, byte[]>> records = consume("raw-warc", 2);
    assertThat(records).extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder("example.com/before", "example.com/after");
    for (ConsumerRecord<String, byte[]> record : records) {
      RawDocument doc = EventSerdes.rawDocument().decode(record.value());
      assertThat(doc.getSource()).isEqualTo("file:crawl.warc.gz");
      assertThat(record.timestamp()).isEqualTo(TestWarcs.DATE.toEpochMilli());
    }
  }
}
