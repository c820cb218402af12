package news.pipeline.producer.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only record of the files a watcher has published, one JSON object per line, so a
 * restarted watcher sends none of them again:
 *
 * <pre>{@code
 * {"path":"a/b.warc.gz","size":5120,"modified":1718071260000,"status":"ok","sent":3,"skipped":4,
 *  "failed":0,"ids":["3fa2b4c5d6e7f801",...],"at":"2024-06-11T02:01:00Z"}
 * }</pre>
 *
 * A file is known by path, size and modification time ({@link FileState}). Lines are appended
 * only after the producer acknowledged every document of the file, and the journal is forced to
 * disk ({@code fsync}) before the file is moved or deleted. A crash between the acknowledgement
 * and the append means the file is sent again after the restart: delivery is at-least-once, and
 * the copies carry the same deterministic document ids, so the pipeline's dedup folds them. A
 * line torn by a crash mid-append is ignored when the journal is read back.
 */
public final class PublishedJournal implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(PublishedJournal.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final FileChannel channel;
  private final Map<FileState, String> published = new HashMap<>();

  /**
   * One line of the journal.
   *
   * @param path relative path of the file
   * @param size its size when published
   * @param modified its last-modified time when published (epoch ms)
   * @param status {@code ok}, or {@code failed} when some of its input could not be read
   * @param sent documents acknowledged
   * @param skipped inputs skipped on purpose
   * @param failed inputs that could not be read
   * @param ids ids of the documents sent
   * @param at when the line was written, ISO-8601
   */
  public record Entry(
      String path, long size, long modified, String status, long sent, long skipped, long failed,
      List<String> ids, String at) {

    FileState state() {
      return new FileState(path, size, modified);
    }
  }

  private PublishedJournal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens (or creates) a journal and reads what it holds. */
  public static PublishedJournal open(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    PublishedJournal journal = new PublishedJournal(file, channel);
    try {
      journal.load();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return journal;
  }

  private void load() throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        Entry entry = JSON.readValue(line, Entry.class);
        published.put(entry.state(), entry.status());
      } catch (JsonProcessingException e) {
        // the last line may be torn by a crash mid-append; anything else is worth a warning
        LOGGER.warn("journal={} line={} reason=unreadable, ignored", file, i + 1);
      }
    }
    channel.position(channel.size());
    if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
      // end a torn line so the next entry starts on a line of its own
      write("\n");
    }
  }

  /** Whether this version of a file was published. */
  public synchronized boolean contains(FileState state) {
    return published.containsKey(state);
  }

  /** The status this version of a file was published with ({@code ok}, {@code failed}), or null. */
  public synchronized String status(FileState state) {
    return published.get(state);
  }

  /** How many file versions the journal holds. */
  public synchronized int size() {
    return published.size();
  }

  /** Appends entries and forces them to disk before returning. */
  public synchronized void append(List<Entry> entries) throws IOException {
    if (entries.isEmpty()) {
      return;
    }
    StringBuilder lines = new StringBuilder();
    for (Entry entry : entries) {
      lines.append(JSON.writeValueAsString(entry)).append('\n');
    }
    write(lines.toString());
    channel.force(false);
    entries.forEach(entry -> published.put(entry.state(), entry.status()));
  }

  private void write(String text) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Where the journal lives. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
