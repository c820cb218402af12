package news.pipeline.producer.watch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.publish.DocumentPublisher;
import news.pipeline.producer.source.DocumentSink;
import news.pipeline.producer.source.FileSource;

/**
 * Publishes the files a crawler drops into a folder, each version of a file once. One {@link
 * #round} lists the folder, picks the files that are complete ({@link CompletenessTracker}) and
 * not yet in the {@link PublishedJournal}, reads each as {@code publish} would (HTML, text, JSON
 * Lines, WARC, gzip), waits for the broker's acknowledgements, appends the files to the journal
 * (fsync), and only then moves or deletes them ({@link Disposal}).
 *
 * <p>Files whose documents the producer or broker refused are neither journaled nor moved: the
 * next round sends them again. Files with input that cannot be read (a bad JSON line, a broken
 * WARC record) are journaled with status {@code failed} so their good documents are not sent
 * twice, and go to the failed folder instead of the done folder.
 *
 * <p>Listed: regular files under the folder, recursively, except hidden names (a leading dot),
 * temporary names ({@link #TEMPORARY_SUFFIXES}), sidecars ({@code NAME.url}, {@code
 * NAME.meta.json}, which travel with their file) and whatever lies in the done or failed folder.
 */
public final class FolderWatcher {

  /** Names crawlers and downloaders write under before renaming into place. */
  public static final List<String> TEMPORARY_SUFFIXES =
      List.of(".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".filepart", "~");

  /**
   * How the watcher behaves.
   *
   * @param quiet how long a file must stay unchanged to count as complete (zero: renamed into place)
   * @param disposal what happens to a published file
   * @param doneDir where published files are moved
   * @param failedDir where files with unreadable input are moved
   * @param filter which relative paths to publish (include and exclude globs)
   * @param maxBytes the size limit of one document
   * @param maxFilesPerRound files read before the producer is flushed and the journal written
   */
  public record Settings(
      Duration quiet, Disposal disposal, Path doneDir, Path failedDir, Predicate<String> filter,
      long maxBytes, int maxFilesPerRound) {}

  /**
   * What one round did.
   *
   * @param published files published and journaled
   * @param waiting files not yet complete
   * @param retrying files whose documents were not all acknowledged; tried again next round
   */
  public record Round(int published, int waiting, int retrying) {}

  private final Path folder;
  private final DocumentPublisher publisher;
  private final PublishedJournal journal;
  private final Settings settings;
  private final Clock clock;
  private final Consumer<String> log;
  private final CompletenessTracker tracker;

  /**
   * @param log receives one line per file published, moved or retried
   */
  public FolderWatcher(
      Path folder, DocumentPublisher publisher, PublishedJournal journal, Settings settings, Clock clock,
      Consumer<String> log) {
    this.folder = Objects.requireNonNull(folder, "folder");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
    this.tracker = new CompletenessTracker(settings.quiet());
  }

  /**
   * Lists the folder once and publishes what is ready.
   *
   * @param stopRequested checked between files; when it turns true the round ends early, still
   *     flushing, journaling and clearing away what it sent
   */
  public Round round(BooleanSupplier stopRequested) throws IOException {
    Map<FileState, Path> listing = list();
    List<FileState> fresh = new ArrayList<>();
    for (Map.Entry<FileState, Path> file : listing.entrySet()) {
      if (journal.contains(file.getKey())) {
        // journaled before a crash or stop kept it from being moved: finish the job, do not resend
        dispose(file.getKey(), file.getValue(), journal.status(file.getKey()));
      } else {
        fresh.add(file.getKey());
      }
    }
    List<FileState> complete = tracker.complete(fresh, clock.instant());
    int waiting = fresh.size() - complete.size();
    List<FileOutcome> outcomes = new ArrayList<>();
    for (FileState state : complete) {
      if (outcomes.size() >= settings.maxFilesPerRound() || stopRequested.getAsBoolean()) {
        waiting++;
        continue;
      }
      outcomes.add(publish(state, listing.get(state)));
    }
    if (outcomes.isEmpty()) {
      return new Round(0, waiting, 0);
    }
    publisher.flush();
    return settle(outcomes, waiting);
  }

  private Round settle(List<FileOutcome> outcomes, int waiting) throws IOException {
    List<PublishedJournal.Entry> entries = new ArrayList<>();
    List<FileOutcome> settled = new ArrayList<>();
    int retrying = 0;
    String at = clock.instant().toString();
    for (FileOutcome outcome : outcomes) {
      if (!outcome.settled()) {
        retrying++;
        log.accept("not all of " + outcome.state.path() + " was acknowledged (" + outcome.notSent.get()
            + " refused): it stays and is sent again next round");
        continue;
      }
      settled.add(outcome);
      entries.add(new PublishedJournal.Entry(
          outcome.state.path(), outcome.state.size(), outcome.state.modifiedMillis(), outcome.status(),
          outcome.sent.get(), outcome.skipped.get(), outcome.unreadable.get(), List.copyOf(outcome.ids), at));
    }
    journal.append(entries);
    for (FileOutcome outcome : settled) {
      log.accept(String.format(Locale.ROOT, "published %s: %d sent, %d skipped, %d failed",
          outcome.state.path(), outcome.sent.get(), outcome.skipped.get(), outcome.unreadable.get()));
      dispose(outcome.state, outcome.file, outcome.status());
    }
    return new Round(settled.size(), waiting, retrying);
  }

  private FileOutcome publish(FileState state, Path file) {
    FileOutcome outcome = new FileOutcome(state, file);
    DocumentSink sink =
        new DocumentSink() {
          @Override
          public void accept(RawDocument document) {
            outcome.ids.add(document.getId());
            outcome.pending.incrementAndGet();
            publisher.publish(document, outcome::told);
          }

          @Override
          public void skip(String where, String reason) {
            outcome.skipped.incrementAndGet();
            publisher.skip(where, reason);
          }

          @Override
          public void fail(String where, String reason) {
            outcome.unreadable.incrementAndGet();
            publisher.fail(where, reason);
          }
        };
    new FileSource(sink, settings.maxBytes(), relative -> true).readFile(file, state.path());
    return outcome;
  }

  private void dispose(FileState state, Path file, String status) throws IOException {
    boolean failed = "failed".equals(status);
    switch (settings.disposal()) {
      case KEEP -> { }
      case DELETE -> {
        if (failed) {
          return; // kept for a person to look at; the journal keeps it from being resent
        }
        for (Path path : withSidecars(file)) {
          Files.deleteIfExists(path);
        }
      }
      case MOVE -> {
        Path target = vacant((failed ? settings.failedDir() : settings.doneDir()).resolve(state.path()));
        Files.createDirectories(target.getParent());
        for (Path path : withSidecars(file)) {
          Path to = target.resolveSibling(target.getFileName() + path.getFileName().toString().substring(file.getFileName().toString().length()));
          Files.move(path, to);
        }
        log.accept("moved " + state.path() + " to " + target);
      }
    }
  }

  /** The file and its sidecars that exist. */
  private static List<Path> withSidecars(Path file) {
    List<Path> paths = new ArrayList<>(List.of(file));
    for (String suffix : List.of(".url", ".meta.json")) {
      Path sidecar = file.resolveSibling(file.getFileName() + suffix);
      if (Files.isRegularFile(sidecar)) {
        paths.add(sidecar);
      }
    }
    return paths;
  }

  /** {@code path}, or {@code path.1}, {@code path.2}, ... when an earlier version is there. */
  private static Path vacant(Path path) {
    Path candidate = path;
    for (int i = 1; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); i++) {
      candidate = path.resolveSibling(path.getFileName() + "." + i);
    }
    return candidate;
  }

  /** The files to consider, in name order. */
  Map<FileState, Path> list() throws IOException {
    Map<FileState, Path> files = new LinkedHashMap<>();
    walk(folder, files);
    return files;
  }

  private void walk(Path dir, Map<FileState, Path> files) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      entries.forEach(children::add);
    }
    children.sort(Comparator.comparing(path -> path.getFileName().toString()));
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (name.startsWith(".") || isTemporary(name) || isSetAside(child)) {
        continue;
      }
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        continue; // gone between the listing and the look: the next round sees the truth
      }
      if (attributes.isDirectory()) {
        walk(child, files);
      } else if (attributes.isRegularFile() && !FileSource.isSidecar(child)) {
        String relative = folder.relativize(child).toString().replace(child.getFileSystem().getSeparator(), "/");
        if (settings.filter().test(relative)) {
          files.put(new FileState(relative, attributes.size(), attributes.lastModifiedTime().toMillis()), child);
        }
      }
    }
  }

  private boolean isSetAside(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.equals(settings.doneDir().toAbsolutePath().normalize())
        || absolute.equals(settings.failedDir().toAbsolutePath().normalize());
  }

  static boolean isTemporary(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return TEMPORARY_SUFFIXES.stream().anyMatch(lower::endsWith);
  }
}
