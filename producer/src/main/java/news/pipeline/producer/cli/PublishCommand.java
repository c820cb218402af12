package news.pipeline.producer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.publish.DocumentPublisher;
import news.pipeline.producer.publish.Summary;
import news.pipeline.producer.source.DocumentSink;
import news.pipeline.producer.source.FileSource;
import news.pipeline.producer.source.JsonLines;
import news.pipeline.producer.source.PathFilter;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code publish PATH... | -}: sends files, folders, WARC files, JSON Lines files and JSON envelope
 * lines from stdin to the raw topic, then prints one summary line. Exit code 0 when nothing failed, 1 otherwise (2 for a bad
 * command line). Add it to a launcher with {@code new CommandLine(top).addSubcommand(new
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

  private static final Duration PROGRESS_PERIOD = Duration.ofSeconds(2);

  @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", defaultValue = "localhost:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String bootstrapServer;

  @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = DocumentPublisher.DEFAULT_TOPIC,
      description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "10MB", converter = ByteSizeConverter.class,
      description = "Largest document sent, e.g. 1048576, 512KB, 10MB (default: ${DEFAULT-VALUE}); larger ones are skipped.")
  long maxBytes;

  @Option(names = "--include", paramLabel = "GLOB",
      description = "In folders, read only files matching a glob (repeatable): '*.html' matches names, 'a/**/*.txt' paths.")
  List<String> includes = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "In folders, leave out files (or folders, by name) matching a glob (repeatable).")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--dry-run",
      description = "Read and encode everything, print one line per document, send nothing.")
  boolean dryRun;

  @Option(names = "--producer-config", paramLabel = "FILE",
      description = "Kafka producer properties file; its entries override the defaults.")
  Path producerConfig;

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
    Map<String, Object> extra = readProducerConfig();
    PathFilter filter = pathFilter();
    DocumentPublisher publisher;
    try {
      publisher = dryRun ? dryRunPublisher() : new DocumentPublisher(bootstrapServer, topic, maxBytes, extra);
    } catch (KafkaException e) {
      err.println("cannot create the Kafka producer: " + e.getMessage());
      return 1;
    }
    try (publisher;
        ProgressReporter progress = new ProgressReporter(err, PROGRESS_PERIOD, () -> progressLine(publisher))) {
      if (!dryRun && !topicReachable(publisher, err)) {
        return 1;
      }
      publisher.onProblem(new ProblemPrinter(err));
      DocumentSink sink = sink(publisher, out);
      FileSource files = new FileSource(sink, maxBytes, filter);
      for (String path : paths) {
        if (path.equals("-")) {
          readStdin(sink);
        } else {
          files.read(Path.of(path));
        }
      }
      publisher.flush();
      Summary summary = publisher.summary();
      out.println(summaryLine(summary, publisher.topic()) + (dryRun ? " (dry run: nothing sent)" : ""));
      out.flush();
      return summary.ok() ? 0 : 1;
    }
  }

  private boolean topicReachable(DocumentPublisher publisher, PrintWriter err) {
    try {
      publisher.awaitTopic();
      return true;
    } catch (KafkaException e) {
      err.println("cannot publish to topic " + topic + " at " + bootstrapServer
          + " (nothing was read or sent): " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return false;
    }
  }

  /** {@code published N documents (X MB) to TOPIC: S sent, K skipped, F failed}. */
  static String summaryLine(Summary summary, String topic) {
    return String.format(
        Locale.ROOT,
        "published %d documents (%.2f MB) to %s: %d sent, %d skipped, %d failed",
        summary.sent(), summary.bytes() / (1024.0 * 1024.0), topic,
        summary.sent(), summary.skipped(), summary.failed());
  }

  private static String progressLine(DocumentPublisher publisher) {
    Summary s = publisher.summary();
    return String.format(
        Locale.ROOT, "progress: %d sent (%.1f MB), %d skipped, %d failed",
        s.sent(), s.bytes() / (1024.0 * 1024.0), s.skipped(), s.failed());
  }

  private DocumentSink sink(DocumentPublisher publisher, PrintWriter out) {
    return new DocumentSink() {
      @Override
      public void accept(RawDocument document) {
        if (publisher.publish(document) && dryRun) {
          out.printf(Locale.ROOT, "%s %s %d bytes key=%s source=%s%n",
              document.getId(), document.getContentType(), document.getBody().remaining(),
              DocumentPublisher.recordKey(document), document.getSource());
        }
      }

      @Override
      public void skip(String where, String reason) {
        publisher.skip(where, reason);
      }

      @Override
      public void fail(String where, String reason) {
        publisher.fail(where, reason);
      }
    };
  }

  private void readStdin(DocumentSink sink) {
    Reader reader = new InputStreamReader(stdin, StandardCharsets.UTF_8);
    try {
      new JsonLines(sink, JsonLines.lineLimitFor(maxBytes)).read(reader, "stdin", "stdin", Instant::now);
    } catch (IOException e) {
      sink.fail("stdin", "cannot read: " + e.getMessage());
    }
  }

  private DocumentPublisher dryRunPublisher() {
    MockProducer<String, byte[]> mock =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    return new DocumentPublisher(mock, topic, maxBytes);
  }

  private PathFilter pathFilter() {
    try {
      return PathFilter.of(includes, excludes);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "bad --include or --exclude glob: " + e.getMessage());
    }
  }

  private Map<String, Object> readProducerConfig() {
    Map<String, Object> config = new HashMap<>();
    if (producerConfig == null) {
      return config;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(producerConfig, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "cannot read --producer-config " + producerConfig + ": " + e.getMessage());
    }
    properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
    return config;
  }
}
