package news.pipeline.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.Seeds;
import news.pipeline.testkit.TestKafka;
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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code watch DIR} against a real broker: restarts, bad input, a stop while running. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WatchCommandIT {

  private static TestKafka broker;

  @TempDir Path dir;

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

  private record Run(int exit, String out, String err) {}

  private static Run watch(WatchCommand command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of("--bootstrap-server", broker.bootstrapServers(), "--progress", "none"));
    all.addAll(List.of(args));
    int exit = cli.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aWatcherRestartedOnAHalfPublishedFolderSendsEveryFileOnce() throws Exception {
    createTopic("watch-restart", 3);
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    copySeed("000_fe0a48e181700552.txt", inbox);
    copySeed("001_8c0de6de77f2d51c.txt", inbox);
    Files.writeString(inbox.resolve("draft.html.part"), "<html>being written");

    // first run: two complete files; files are kept so the journal alone must prevent resends
    Run first = watch(new WatchCommand(), "--topic", "watch-restart", "--once", "--quiet-time", "0",
        "--on-done", "keep", inbox.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("2 sent, 0 skipped, 0 failed");

    // the crawler drops more while the watcher is down, including the finished draft
    copySeed("002_8ac13e90b95cf2b8.txt", inbox);
    Files.move(inbox.resolve("draft.html.part"), inbox.resolve("draft.html"));
    Files.writeString(inbox.resolve("draft.html"), "<html><body>done</body></html>");

    Run second = watch(new WatchCommand(), "--topic", "watch-restart", "--once", "--quiet-time", "0",
        "--on-done", "keep", inbox.toString());
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).contains("2 sent, 0 skipped, 0 failed");

    List<RawDocument> documents = consume("watch-restart", 4);
    assertThat(documents).hasSize(4);
    assertThat(documents).extracting(RawDocument::getId).doesNotHaveDuplicates();
    assertThat(documents).extracting(RawDocument::getSource).containsExactlyInAnyOrder(
        "file:000_fe0a48e181700552.txt", "file:001_8c0de6de77f2d51c.txt", "file:002_8ac13e90b95cf2b8.txt",
        "file:draft.html");
    assertThat(Files.readAllLines(inbox.resolve(".published"))).hasSize(4);
  }

  @Test
  void badInputIsReportedSetAsideAndMakesTheExitCodeOne() throws Exception {
    createTopic("watch-bad", 1);
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.writeString(inbox.resolve("crawl.jsonl"),
        "{\"url\": \"https://example.com/1\", \"body\": \"one\"}\n{\"url\": \"https://exa\n", StandardCharsets.UTF_8);
    Files.writeString(inbox.resolve("big.html"), "<html>" + "x".repeat(5000) + "</html>");
    Files.writeString(inbox.resolve("ok.html"), "<html><body>ok</body></html>");

    Run run = watch(new WatchCommand(), "--topic", "watch-bad", "--once", "--quiet-time", "0",
        "--max-bytes", "4KB", inbox.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("2 sent, 1 skipped, 1 failed")
        .contains("skipped 1 × file is N bytes, above the size limit of N bytes")
        .contains("failed 1 × not valid JSON");
    assertThat(inbox.resolve(".failed/crawl.jsonl")).exists();
    assertThat(inbox.resolve(".done/ok.html")).exists();
    assertThat(inbox.resolve(".done/big.html")).as("skipped on purpose: done, not failed").exists();
    assertThat(consume("watch-bad", 2)).hasSize(2);
  }

  @Test
  void aRunningWatcherPublishesWhatArrivesAndStopsCleanly() throws Exception {
    createTopic("watch-live", 1);
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    WatchCommand command = new WatchCommand();
    CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> watch(command, "--topic", "watch-live",
        "--quiet-time", "300ms", "--poll-interval", "100ms", inbox.toString()));

    // written in two steps, like a crawler streaming a page to disk
    Path page = inbox.resolve("page.html");
    Files.writeString(page, "<html><body>first half ");
    Thread.sleep(100);
    Files.writeString(page, "<html><body>first half and the rest</body></html>");
    Path done = inbox.resolve(".done/page.html");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.exists(done) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    command.requestStop();
    Run run = running.get(60, TimeUnit.SECONDS);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(done).exists();
    assertThat(run.out()).contains("1 sent, 0 skipped, 0 failed");
    List<RawDocument> documents = consume("watch-live", 1);
    assertThat(documents).singleElement()
        .satisfies(d -> assertThat(new String(d.getBody().array(), StandardCharsets.UTF_8)).endsWith("the rest</body></html>"));
  }

  private static void copySeed(String name, Path inbox) throws IOException {
    Files.copy(Seeds.file(name), inbox.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
  }

  private static void createTopic(String name, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }
  }

  private static List<RawDocument> consume(String topic, int expected) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    List<RawDocument> documents = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (documents.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          documents.add(EventSerdes.rawDocument().decode(record.value()));
        }
      }
      // a short extra poll shows that nothing beyond the expected records arrived
      consumer.poll(Duration.ofMillis(500)).forEach(r -> documents.add(EventSerdes.rawDocument().decode(r.value())));
    }
    return documents;
  }
}
