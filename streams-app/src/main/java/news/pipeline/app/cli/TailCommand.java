package news.pipeline.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventJson;
import news.pipeline.schemas.EventSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./pipeline tail}: a topic as JSON lines, from the beginning, optionally following. */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Prints canonical articles (or another pipeline topic) as JSON lines, read_committed.")
final class TailCommand implements Callable<Integer> {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Mixin ConfigOptions options;

  @Option(names = "--topic", paramLabel = "canonical|duplicates|rejected|NAME", defaultValue = "canonical",
      description = "Which topic to read (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(names = {"-f", "--follow"}, description = "Keep waiting for new records after the current end.")
  boolean follow;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Stop after N records (0: no limit).")
  long limit;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PipelineConfig config = options.load();
    String name = switch (topic) {
      case "canonical" -> config.topics().canonical();
      case "duplicates" -> config.topics().duplicates();
      case "rejected" -> config.topics().rejected();
      default -> topic;
    };
    PrintWriter out = spec.commandLine().getOut();
    long printed = 0;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(ClientSettings.reader(config))) {
      var infos = consumer.partitionsFor(name, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        spec.commandLine().getErr().println("topic " + name + " does not exist on " + config.bootstrapServers());
        return 1;
      }
      List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(name, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var ends = consumer.endOffsets(partitions);
      while (follow || partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          out.println(render(record, name, config));
          out.flush();
          if (limit > 0 && ++printed >= limit) {
            return 0;
          }
        }
      }
    }
    return 0;
  }

  private static String render(ConsumerRecord<String, byte[]> record, String topic, PipelineConfig config) {
    try {
      if (topic.equals(config.topics().rejected())) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("key", record.key());
        node.put("bytes", record.value() == null ? 0 : record.value().length);
        ObjectNode headers = node.putObject("headers");
        for (Header header : record.headers()) {
          headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return MAPPER.writeValueAsString(node);
      }
      if (record.value() == null) {
        return MAPPER.writeValueAsString(MAPPER.createObjectNode().put("id", record.key()).put("retired", true));
      }
      AvroSerde<?> serde =
          topic.equals(config.topics().duplicates()) ? EventSerdes.dedupDecision() : EventSerdes.canonicalArticle();
      return EventJson.toJsonLine((org.apache.avro.generic.GenericRecord) serde.decode(record.value()));
    } catch (Exception e) {
      return "{\"key\":" + quote(record.key()) + ",\"error\":" + quote(e.getMessage()) + "}";
    }
  }

  private static String quote(String text) {
    try {
      return MAPPER.writeValueAsString(text);
    } catch (Exception e) {
      return "null";
    }
  }
}
