package news.pipeline.producer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.publish.DocumentPublisher;
import news.pipeline.producer.publish.PreparingSink;
import news.pipeline.producer.publish.Summary;
import news.pipeline.producer.source.DocumentSink;
import news.pipeline.producer.source.FileSource;
import news.pipeline.producer.source.JsonLines;
import news.pipeline.producer.source.PathFilter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code publish PATH... | -}: sends files, folders, WARC files, JSON Lines files and JSON envelope
 * lines from stdin to the raw topic, showing progress on stderr, then prints a summary with the
 * skipped and failed inputs grouped by reason. Exit code 0 when nothing failed, 1 otherwise (2
 * for a bad command line). Add it to a launcher with {@code new CommandLine(top).addSubcommand(new
 * PublishCommand())}.
 */
@Command(
    name = "publish",
    description = {
      "Publishes raw documents to Kafka: files, folders (recursive, sorted, hidden files skipped),",
      "WARC files (.warc, .warc.gz: HTML and text responses), JSON Lines files (.jsonl,",
      ".jsonl.gz, .ndjson) and, for '-', stdin; JSON Lines hold one envelope per line:",
      "  {\"url\",\"body\"|\"bodyBase64\",\"contentType\",\"charset\",\"fetchedAt\",\"source\",\"headers\",\"metadata\"}"
    },
    sortOptions = false)
public class PublishCommand implements Callable<Integer> {

  @Mixin PublisherOptions options;

  @Option(names = "--include", paramLabel = "GLOB",
      description = "In folders, read only files matching a glob (repeatable): '*.html' matches names, 'a/**/*.txt' paths.")
  List<String> includes = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "In folders, leave out files (or folders, by name) matching a glob (repeatable).")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--dry-run",
      description = "Read and encode everything, print one line per document, send nothing.")
  boolean dryRun;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Files or folders to publish, or '-' for JSON lines on stdin.")
  List<String> paths;

  @Spec CommandSpec spec;

  private InputStream stdin = System.in;

  /** Reads {@code -} from this stream instead of {@link System#in} (for tests and embedding). */
  public PublishCommand withStdin(InputStream in) {
    this.stdin = in;
    return this;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new PublishCommand()).execute(args));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PathFilter filter = pathFilter();
    long started = System.nanoTime();
    DocumentPublisher publisher = options.open(dryRun, err);
    if (publisher == null) {
      return 1;
    }
    try (publisher) {
      if (!dryRun && !options.topicReachable(publisher, err)) {
        return 1;
      }
      List<Path> filePaths = paths.stream().filter(p -> !p.equals("-")).map(Path::of).toList();
      // files are read, inflated, detected, hashed and encoded on a pool of workers; one thread
      // hands the prepared records to the producer in input order
      PreparingSink sink = new PreparingSink(publisher, PreparingSink.defaultWorkers(), target(publisher, out));
      FileSource files = new FileSource(sink, options.maxBytes, filter);
      long planned = paths.contains("-") ? 0 : files.plannedBytes(filePaths);
      try (ProgressReporter progress =
          new ProgressReporter(err, options.progress, () -> sample(publisher, files, planned))) {
        publisher.onProblem(new ProblemPrinter(progress::message));
        try (sink) {
          for (String path : paths) {
            if (path.equals("-")) {
              readStdin(sink);
            } else {
              files.read(Path.of(path));
            }
          }
        }
        publisher.flush();
      }
      Summary summary = publisher.summary();
      SummaryReport.print(out, summary, publisher.topic(), Duration.ofNanos(System.nanoTime() - started),
          dryRun ? " (dry run: nothing sent)" : "");
      return summary.ok() ? 0 : 1;
    }
  }

  /** A progress sample; the bar needs a known total, so stdin and watch runs get none ({@code files} may be null). */
  static ProgressLine.Sample sample(DocumentPublisher publisher, FileSource files, long planned) {
    Summary s = publisher.summary();
    long read = files == null ? 0 : files.bytesRead();
    return new ProgressLine.Sample(s.sent(), s.bytes(), s.skipped(), s.failed(), read, planned);
  }

  private PreparingSink.Target target(DocumentPublisher publisher, PrintWriter out) {
    PreparingSink.Target publish = PreparingSink.Target.of(publisher);
    return new PreparingSink.Target() {
      @Override
      public void accept(DocumentPublisher.Prepared document) {
        if (publisher.publish(document, outcome -> {}) && dryRun) {
          RawDocument raw = document.document();
          out.printf(Locale.ROOT, "%s %s %d bytes key=%s source=%s%n",
              raw.getId(), raw.getContentType(), raw.getBody().remaining(), document.key(), raw.getSource());
        }
      }

      @Override
      public void skip(String where, String reason) {
        publish.skip(where, reason);
      }

      @Override
      public void fail(String where, String reason) {
        publish.fail(where, reason);
      }
    };
  }

  private void readStdin(DocumentSink sink) {
    try {
      new JsonLines(sink, JsonLines.lineLimitFor(options.maxBytes)).read(stdin, "stdin", "stdin", Instant::now);
    } catch (IOException e) {
      sink.fail("stdin", "cannot read: " + e.getMessage());
    }
  }

  private PathFilter pathFilter() {
    try {
      return PathFilter.of(includes, excludes);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "bad --include or --exclude glob: " + e.getMessage());
    }
  }
}
