package news.pipeline.producer.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.publish.DocumentPublisher;
import news.pipeline.producer.source.PathFilter;
import news.pipeline.schemas.EventSerdes;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher's round on a MockProducer: what is picked, journaled, moved, and sent again after a restart. */
class FolderWatcherTest {

  private static final Instant LONG_AGO = Instant.now().minusSeconds(60);

  @TempDir Path root;

  private final List<String> log = new ArrayList<>();

  private Path inbox() throws IOException {
    return Files.createDirectories(root.resolve("inbox"));
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(LONG_AGO));
    return file;
  }

  private static MockProducer<String, byte[]> mock() {
    return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  }

  /** A watcher as the command builds one; the caller closes the journal (a restart). */
  private FolderWatcher watcher(Path dir, MockProducer<String, byte[]> producer, PublishedJournal journal,
      Disposal disposal, int filesPerRound) {
    DocumentPublisher publisher = new DocumentPublisher(producer, "raw", 1_000_000);
    FolderWatcher.Settings settings = new FolderWatcher.Settings(
        Duration.ofSeconds(2), disposal, dir.resolve(".done"), dir.resolve(".failed"), PathFilter.all(),
        1_000_000, filesPerRound);
    return new FolderWatcher(dir, publisher, journal, settings, Clock.systemUTC(), log::add);
  }

  private static List<String> ids(MockProducer<String, byte[]> producer) {
    return producer.history().stream()
        .map(ProducerRecord::value)
        .map(EventSerdes.rawDocument()::decode)
        .map(RawDocument::getId)
        .toList();
  }

  @Test
  void completeFilesArePublishedJournaledAndMovedWhileTemporaryAndHiddenOnesWait() throws IOException {
    Path dir = inbox();
    write(dir, "a.html", "<html><body>a</body></html>");
    write(dir, "sub/b.txt", "b");
    write(dir, "sub/b.txt.url", "https://example.com/b");
    write(dir, "c.html.part", "<html>half");
    write(dir, ".d.html", "hidden");
    Files.writeString(dir.resolve("e.html"), "just written"); // mtime now: not quiet yet
    MockProducer<String, byte[]> producer = mock();

    try (PublishedJournal journal = PublishedJournal.open(dir.resolve(".published"))) {
      FolderWatcher.Round round = watcher(dir, producer, journal, Disposal.MOVE, 100).round(() -> false);

      assertThat(round).isEqualTo(new FolderWatcher.Round(2, 1, 0));
      assertThat(journal.size()).isEqualTo(2);
    }
    assertThat(producer.history()).extracting(ProducerRecord::key).contains("example.com/b");
    assertThat(dir.resolve(".done/a.html")).exists();
    assertThat(dir.resolve(".done/sub/b.txt")).exists();
    assertThat(dir.resolve(".done/sub/b.txt.url")).exists();
    assertThat(dir.resolve("a.html")).doesNotExist();
    assertThat(dir.resolve("sub/b.txt.url")).doesNotExist();
    assertThat(dir.resolve("c.html.part")).exists();
    assertThat(dir.resolve("e.html")).exists();
    assertThat(log).contains("published a.html: 1 sent, 0 skipped, 0 failed");
  }

  @Test
  void aWatcherRestartedMidFolderSendsNothingTwiceAndMissesNothing() throws IOException {
    Path dir = inbox();
    for (int i = 0; i < 5; i++) {
      write(dir, "page-" + i + ".html", "<html><body>page " + i + "</body></html>");
    }
    MockProducer<String, byte[]> first = mock();
    try (PublishedJournal journal = PublishedJournal.open(dir.resolve(".published"))) {
      // stopped after two files, as SIGTERM does between files
      int[] read = {0};
      FolderWatcher watcher = watcher(dir, first, journal, Disposal.KEEP, 100);
      assertThat(watcher.round(() -> read[0]++ >= 2).published()).isEqualTo(2);
    }
    MockProducer<String, byte[]> second = mock();
    try (PublishedJournal journal = PublishedJournal.open(dir.resolve(".published"))) {
      FolderWatcher watcher = watcher(dir, second, journal, Disposal.KEEP, 2);
      while (watcher.round(() -> false).published() > 0) {
        // rounds of two files until nothing is left
      }
    }
    MockProducer<String, byte[]> third = mock();
    try (PublishedJournal journal = PublishedJournal.open(dir.resolve(".published"))) {
      assertThat(watcher(dir, third, journal, Disposal.KEEP, 100).round(() -> false).published()).isZero();
    }

    List<String> all = new ArrayList<>(ids(first));
    all.addAll(ids(second));
    assertThat(ids(first)).hasSize(2);
    assertThat(ids(second)).hasSize(3);
    assertThat(third.history()).isEmpty();
    assertThat(new HashSet<>(all)).hasSize(5);
  }

  @Test
  void aCrashBetweenTheAcknowledgementAndTheJournalResendsTheSameIds() throws IOException {
    Path dir = inbox();
    write(dir, "crawl.jsonl", """
        {"url": "https://example.com/1", "body": "one"}
        {"url": "https://example.com/2", "body": "two"}
        """);
    MockProducer<String, byte[]> before = mock();
    Path journalFile = dir.resolve(".published");
    try (PublishedJournal journal = PublishedJournal.open(journalFile)) {
      watcher(dir, before, journal, Disposal.KEEP, 100).round(() -> false);
    }
    // the crash: the acknowledged documents never made it into the journal
    Files.writeString(journalFile, "");

    MockProducer<String, byte[]> after = mock();
    try (PublishedJournal journal = PublishedJournal.open(journalFile)) {
      watcher(dir, after, journal, Disposal.KEEP, 100).round(() -> false);
    }
    // at-least-once: sent again, but as the same documents, which the pipeline's dedup folds by id
    assertThat(ids(after)).hasSize(2).isEqualTo(ids(before));
  }

  @Test
  void aFileTheProducerRefusedStaysAndIsSentNextRound() throws IOException {
    Path dir = inbox();
    write(dir, "a.html", "<html><body>a</body></html>");
    MockProducer<String, byte[]> producer = mock();
    try (PublishedJournal journal = PublishedJournal.open(dir.resolve(".published"))) {
      FolderWatcher watcher = watcher(dir, producer, journal, Disposal.MOVE, 100);
      producer.sendException = new KafkaException("broker gone");
      assertThat(watcher.round(() -> false)).isEqualTo(new FolderWatcher.Round(0, 0, 1));
      assertThat(dir.resolve("a.html")).exists();
      assertThat(journal.size()).isZero();

      producer.sendException = null;
      assertThat(watcher.round(() -> false)).isEqualTo(new FolderWatcher.Round(1, 0, 0));
      assertThat(dir.resolve(".done/a.html")).exists();
    }
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void aFileWithABadLineIsJournaledAsFailedAndSetAsideSoItsGoodLinesAreNotResent() throws IOException {
    Path dir = inbox();
    write(dir, "crawl.jsonl", """
        {"url": "https://example.com/1", "body": "one"}
        {"url": "https://example.com/2"
        """);
    MockProducer<String, byte[]> producer = mock();
    try (PublishedJournal journal = PublishedJournal.open(dir.resolve(".published"))) {
      FolderWatcher watcher = watcher(dir, producer, journal, Disposal.DELETE, 100);
      assertThat(watcher.round(() -> false).published()).isEqualTo(1);
      assertThat(watcher.round(() -> false).published()).isZero();
    }
    assertThat(producer.history()).hasSize(1);
    assertThat(dir.resolve("crawl.jsonl")).as("kept for a person to look at").exists();
    assertThat(Files.readString(dir.resolve(".published"))).contains("\"status\":\"failed\"");
  }

  @Test
  void alreadyJournaledFilesLeftBehindByACrashAreMovedNotResent() throws IOException {
    Path dir = inbox();
    Path page = write(dir, "a.html", "<html><body>a</body></html>");
    try (PublishedJournal journal = PublishedJournal.open(dir.resolve(".published"))) {
      journal.append(List.of(new PublishedJournal.Entry("a.html", Files.size(page), Files.getLastModifiedTime(page).toMillis(),
          "ok", 1, 0, 0, List.of(), "2024-06-11T02:01:00Z")));
      MockProducer<String, byte[]> producer = mock();
      watcher(dir, producer, journal, Disposal.MOVE, 100).round(() -> false);
      assertThat(producer.history()).isEmpty();
    }
    assertThat(dir.resolve(".done/a.html")).exists();
  }
}
