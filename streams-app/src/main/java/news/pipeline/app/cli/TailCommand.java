package news.pipeline.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.tail.LatestView;
import news.pipeline.app.tail.RecordRenderer;
import news.pipeline.app.tail.SinceTime;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventSerdes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./pipeline tail}: a topic as JSON lines, read_committed, without a consumer group (it
 * commits nothing and disturbs no one). From the beginning, the end or a time; to the current end
 * or following; or {@code --latest}: each live article once, as compaction will leave the topic.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = {
      "Prints canonical articles (or another pipeline topic) as JSON lines, read_committed.",
      "Record timestamps on the output topics are event times: the fetch time of the document that caused the update."
    })
final class TailCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Option(names = "--topic", paramLabel = "canonical|duplicates|rejected|NAME", defaultValue = "canonical",
      description = "Which topic to read: canonical articles, duplicates (the dedup decisions; also 'decisions'),"
          + " rejected (with the reason headers), or any topic by name (default: ${DEFAULT-VALUE}).")
  String topic;

  @ArgGroup(exclusive = true)
  Start start;

  static final class Start {
    @Option(names = "--from-beginning", description = "Start at the earliest record (the default).")
    boolean beginning;

    @Option(names = "--from-end", description = "Start at the current end: only new records (with --follow).")
    boolean end;

    @Option(names = "--since", paramLabel = "TIME",
        description = "Start at the first record with a timestamp at or after TIME: an ISO-8601 instant"
            + " (2020-06-10T12:00:00Z) or a duration back from now (PT1H, P2D).")
    String since;
  }

  @Option(names = {"-f", "--follow"}, description = "Keep printing new records after the current end, until stopped.")
  boolean follow;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Stop after N records (0: no limit).")
  long limit;

  @Option(names = "--latest",
      description = "Read to the end, then print each live article once in its latest version; retired (tombstoned) ones are left out.")
  boolean latest;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String problem = checkOptions();
    if (problem != null) {
      err.println(problem);
      return 2;
    }
    Instant since;
    try {
      since = start != null && start.since != null ? SinceTime.parse(start.since, Clock.systemUTC()) : null;
    } catch (IllegalArgumentException e) {
      err.println("--since: " + e.getMessage());
      return 2;
    }
    PipelineConfig config = options.load();
    String name = topicName(config);
    RecordRenderer.Kind kind = kind(config, name);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(ClientSettings.reader(config))) {
      var infos = consumer.partitionsFor(name, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        err.println("topic " + name + " does not exist on " + config.bootstrapServers());
        return 1;
      }
      List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(name, p.partition())).toList();
      consumer.assign(partitions);
      seek(consumer, partitions, since);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      if (latest) {
        printLatest(consumer, partitions, ends, kind, out);
        return 0;
      }
      long printed = 0;
      while (follow || partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          out.println(RecordRenderer.render(record, kind));
          out.flush();
          if (limit > 0 && ++printed >= limit) {
            return 0;
          }
        }
      }
    }
    return 0;
  }

  private String checkOptions() {
    if (limit < 0) {
      return "--limit must be 0 (no limit) or more";
    }
    if (latest && (follow || (start != null && (start.end || start.since != null)))) {
      return "--latest reads the whole topic once: it goes with neither --follow, --from-end nor --since";
    }
    if (start != null && start.end && !follow) {
      return "--from-end without --follow prints nothing: add --follow";
    }
    return null;
  }

  private String topicName(PipelineConfig config) {
    return switch (topic) {
      case "canonical" -> config.topics().canonical();
      case "duplicates", "decisions" -> config.topics().duplicates();
      case "rejected" -> config.topics().rejected();
      default -> topic;
    };
  }

  private static RecordRenderer.Kind kind(PipelineConfig config, String name) {
    if (name.equals(config.topics().canonical())) {
      return RecordRenderer.Kind.CANONICAL;
    } else if (name.equals(config.topics().duplicates())) {
      return RecordRenderer.Kind.DECISIONS;
    } else if (name.equals(config.topics().rejected())) {
      return RecordRenderer.Kind.REJECTED;
    }
    return RecordRenderer.Kind.AUTO;
  }

  private void seek(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, Instant since) {
    if (start != null && start.end) {
      consumer.seekToEnd(partitions);
    } else if (since != null) {
      Map<TopicPartition, Long> query = new HashMap<>();
      partitions.forEach(tp -> query.put(tp, since.toEpochMilli()));
      Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, Duration.ofSeconds(30));
      for (TopicPartition tp : partitions) {
        OffsetAndTimestamp at = found.get(tp);
        if (at == null) {
          consumer.seekToEnd(List.of(tp)); // nothing that recent in this partition
        } else {
          consumer.seek(tp, at.offset());
        }
      }
    } else {
      consumer.seekToBeginning(partitions);
    }
  }

  /** Reads to the end, then prints the live values: articles by first seen, other topics by key. */
  private void printLatest(
      KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> ends,
      RecordRenderer.Kind kind, PrintWriter out) {
    if (kind == RecordRenderer.Kind.CANONICAL) {
      AvroSerde<CanonicalArticle> serde = EventSerdes.canonicalArticle();
      LatestView<CanonicalArticle> view = new LatestView<>();
      readToEnd(consumer, partitions, ends, r -> view.accept(r.key(), r.value() == null ? null : serde.decode(r.value())));
      print(view.live(Comparator.comparing(CanonicalArticle::getFirstSeen).thenComparing(CanonicalArticle::getId)).stream()
          .map(a -> RecordRenderer.article(a.getId(), a)).toList(), out);
    } else {
      LatestView<ConsumerRecord<String, byte[]>> view = new LatestView<>();
      readToEnd(consumer, partitions, ends, r -> view.accept(String.valueOf(r.key()), r.value() == null ? null : r));
      print(view.live(Comparator.comparing(r -> String.valueOf(r.key()))).stream()
          .map(r -> RecordRenderer.render(r, kind)).toList(), out);
    }
  }

  private void print(List<String> lines, PrintWriter out) {
    long count = limit > 0 ? Math.min(limit, lines.size()) : lines.size();
    lines.stream().limit(count).forEach(out::println);
    out.flush();
  }

  private static void readToEnd(
      KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> ends,
      java.util.function.Consumer<ConsumerRecord<String, byte[]>> sink) {
    while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
      consumer.poll(Duration.ofMillis(500)).forEach(sink);
    }
  }
}
