package news.pipeline.producer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import news.pipeline.producer.publish.DocumentPublisher;
import news.pipeline.producer.publish.Summary;
import news.pipeline.producer.source.PathFilter;
import news.pipeline.producer.watch.Disposal;
import news.pipeline.producer.watch.FolderWatcher;
import news.pipeline.producer.watch.PublishedJournal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code watch DIR}: publishes the files a crawler drops into a folder, each version of a file
 * once across restarts (see {@link FolderWatcher} and {@link PublishedJournal}), until stopped
 * with SIGTERM or Ctrl-C, or, with {@code --once}, until every file present has been published.
 * On a stop it finishes the file it is reading, waits for the broker's acknowledgements, writes
 * the journal, moves what was sent, prints the summary and exits. Exit code 0 when nothing failed,
 * 1 otherwise, 2 for a bad command line.
 *
 * <p>The folder is listed every poll interval rather than watched with inotify: polling works the
 * same on local disks, NFS and container bind mounts, where change events may never arrive, and
 * one listing a second costs little next to publishing.
 */
@Command(
    name = "watch",
    description = {
      "Publishes files dropped into a folder once they are complete (renamed into place, or",
      "unchanged for the quiet time), each exactly once across restarts (journal DIR/.published),",
      "then moves them to the done folder, deletes them or leaves them. Reads what publish reads:",
      "HTML, text, JSON, JSON Lines, WARC, gzip. Names ending in .part, .tmp, ~ (and hidden names) are",
      "never read: write under such a name and rename when done. Stops cleanly on SIGTERM or Ctrl-C."
    },
    sortOptions = false)
public class WatchCommand implements Callable<Integer> {

  @Mixin PublisherOptions options;

  @Option(names = "--quiet-time", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
      description = "A file unchanged this long is complete; 0 when files are renamed into place (default: ${DEFAULT-VALUE}).")
  Duration quietTime;

  @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
      description = "How often the folder is listed (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(names = "--on-done", paramLabel = "ACTION", defaultValue = "move",
      converter = DisposalConverter.class,
      description = "After publishing: move (to --done-dir), delete, or keep the file (default: ${DEFAULT-VALUE}).")
  Disposal disposal;

  @Option(names = "--done-dir", paramLabel = "DIR",
      description = "Where published files go with --on-done move (default: DIR/.done).")
  Path doneDir;

  @Option(names = "--failed-dir", paramLabel = "DIR",
      description = "Where files with unreadable input go with --on-done move (default: DIR/.failed).")
  Path failedDir;

  @Option(names = "--journal", paramLabel = "FILE",
      description = "The journal of published files (default: DIR/.published).")
  Path journalFile;

  @Option(names = "--include", paramLabel = "GLOB",
      description = "Publish only files matching a glob (repeatable).")
  List<String> includes = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "Leave out files (or folders, by name) matching a glob (repeatable).")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--batch-files", paramLabel = "N", defaultValue = "500",
      description = "Files read before waiting for acknowledgements and writing the journal (default: ${DEFAULT-VALUE}).")
  int batchFiles;

  @Option(names = "--once",
      description = "Publish the files there now (waiting for them to be complete), then exit.")
  boolean once;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(paramLabel = "DIR", description = "The folder the crawler writes into.")
  Path folder;

  @Spec CommandSpec spec;

  private final CountDownLatch stop = new CountDownLatch(1);

  public static void main(String[] args) {
    System.exit(new CommandLine(new WatchCommand()).execute(args));
  }

  /** Asks a running watch to finish its round and return, as SIGTERM does. */
  public void requestStop() {
    stop.countDown();
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(folder)) {
      throw new ParameterException(spec.commandLine(), "not a folder: " + folder);
    }
    if (batchFiles < 1) {
      throw new ParameterException(spec.commandLine(), "--batch-files must be at least 1");
    }
    FolderWatcher.Settings settings = settings();
    long started = System.nanoTime();
    DocumentPublisher publisher = options.open(false, err);
    if (publisher == null) {
      return 1;
    }
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      requestStop();
      awaitQuietly(finished, Duration.ofSeconds(60));
    }, "watch-shutdown");
    try (publisher;
        PublishedJournal journal = PublishedJournal.open(journalFile != null ? journalFile : folder.resolve(".published"))) {
      if (!options.topicReachable(publisher, err)) {
        return 1;
      }
      Runtime.getRuntime().addShutdownHook(hook);
      try (ProgressReporter progress =
          new ProgressReporter(err, options.progress, () -> PublishCommand.sample(publisher, null, 0))) {
        publisher.onProblem(new ProblemPrinter(progress::message));
        progress.message("watching " + folder + " (journal " + journal.file() + ", " + journal.size()
            + " files already published); stop with Ctrl-C");
        FolderWatcher watcher =
            new FolderWatcher(folder, publisher, journal, settings, Clock.systemUTC(), progress::message);
        loop(watcher);
      }
      Summary summary = publisher.summary();
      SummaryReport.print(out, summary, publisher.topic(), Duration.ofNanos(System.nanoTime() - started), "");
      return summary.ok() ? 0 : 1;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down (SIGTERM): the hook is running and now returns
      }
    }
  }

  private void loop(FolderWatcher watcher) throws IOException {
    while (stop.getCount() > 0) {
      FolderWatcher.Round round = watcher.round(() -> stop.getCount() == 0);
      if (once && round.waiting() == 0) {
        return;
      }
      if (round.published() >= batchFiles) {
        continue; // more complete files may be waiting: no pause
      }
      awaitQuietly(stop, pollInterval);
    }
  }

  private FolderWatcher.Settings settings() {
    PathFilter filter;
    try {
      filter = PathFilter.of(includes, excludes);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "bad --include or --exclude glob: " + e.getMessage());
    }
    return new FolderWatcher.Settings(
        quietTime, disposal,
        doneDir != null ? doneDir : folder.resolve(".done"),
        failedDir != null ? failedDir : folder.resolve(".failed"),
        filter, options.maxBytes, batchFiles);
  }

  private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
    try {
      latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Accepts move, delete and keep in any case. */
  static final class DisposalConverter implements CommandLine.ITypeConverter<Disposal> {
    @Override
    public Disposal convert(String value) {
      return Disposal.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    }
  }
}
