package news.pipeline.producer.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedJournalTest {

  @TempDir Path dir;

  private static PublishedJournal.Entry entry(String path, long size, long modified) {
    return new PublishedJournal.Entry(path, size, modified, "ok", 1, 0, 0, List.of("3fa2b4c5d6e7f801"), "2024-06-11T02:01:00Z");
  }

  @Test
  void whatWasJournaledIsKnownAfterAReopen() throws IOException {
    Path file = dir.resolve(".published");
    try (PublishedJournal journal = PublishedJournal.open(file)) {
      assertThat(journal.size()).isZero();
      journal.append(List.of(entry("a.html", 10, 1000), entry("sub/b tab\there.html", 20, 2000)));
    }
    try (PublishedJournal journal = PublishedJournal.open(file)) {
      assertThat(journal.contains(new FileState("a.html", 10, 1000))).isTrue();
      assertThat(journal.contains(new FileState("sub/b tab\there.html", 20, 2000))).isTrue();
      assertThat(journal.status(new FileState("a.html", 10, 1000))).isEqualTo("ok");
      // a rewritten file is a new version: not journaled
      assertThat(journal.contains(new FileState("a.html", 11, 1000))).isFalse();
      assertThat(journal.contains(new FileState("a.html", 10, 1001))).isFalse();
    }
    assertThat(Files.readAllLines(file)).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"path\":"));
  }

  @Test
  void aLineTornByACrashIsIgnoredAndTheNextEntryStartsOnItsOwnLine() throws IOException {
    Path file = dir.resolve(".published");
    try (PublishedJournal journal = PublishedJournal.open(file)) {
      journal.append(List.of(entry("a.html", 10, 1000)));
    }
    Files.writeString(file, "{\"path\":\"b.html\",\"si", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (PublishedJournal journal = PublishedJournal.open(file)) {
      assertThat(journal.size()).isEqualTo(1);
      journal.append(List.of(entry("c.html", 30, 3000)));
    }
    try (PublishedJournal journal = PublishedJournal.open(file)) {
      assertThat(journal.contains(new FileState("a.html", 10, 1000))).isTrue();
      assertThat(journal.contains(new FileState("c.html", 30, 3000))).isTrue();
      assertThat(journal.size()).isEqualTo(2);
    }
  }
}
