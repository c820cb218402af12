package news.pipeline.producer.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import news.pipeline.avro.RawDocument;
import news.pipeline.broker.EmbeddedBroker;
import news.pipeline.producer.publish.DocumentPublisher;
import news.pipeline.producer.publish.PreparingSink;
import news.pipeline.producer.publish.Summary;
import news.pipeline.producer.source.DocumentSink;
import news.pipeline.producer.source.FileSource;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer benchmark of issue 5: publishes a document set through the producer's whole path
 * (read files, inflate, detect, find the URL, hash the id, Avro-encode, key, send) and, in the
 * same run and on the same embedded broker, sends the very same keys and encoded values with a
 * bare {@link KafkaProducer} configured alike. Prints both rates and their ratio.
 *
 * <pre>
 * producer/publish-benchmark.sh --docs 100000          # generated HTML pages as JSON Lines
 * producer/publish-benchmark.sh --corpus ../shared/corpus/wcxb-dev/html
 * </pre>
 *
 * Not a test: {@code PublishBenchmarkTest} only checks that it runs on a few documents.
 */
public final class PublishBenchmark {

  /**
   * One measured run.
   *
   * @param documents documents in the set
   * @param bytes encoded bytes of the set (the same for both producers)
   * @param rawSeconds time of the bare producer
   * @param publishSeconds time of the producer's whole path
   * @param publishSummary what the publisher counted
   * @param rawCpuSeconds CPU time of the bare producer's threads (caller and I/O thread)
   * @param publishCpuSeconds CPU time of the publish path's threads (reader, workers, sender, I/O)
   * @param rawJvmCpuSeconds CPU time of the whole JVM (with the embedded broker) during the bare producer's run
   * @param publishJvmCpuSeconds CPU time of the whole JVM during the publish path's run
   */
  public record Result(long documents, long bytes, double rawSeconds, double publishSeconds, Summary publishSummary,
      double rawCpuSeconds, double publishCpuSeconds, double rawJvmCpuSeconds, double publishJvmCpuSeconds) {

    public double rawDocsPerSecond() {
      return documents / rawSeconds;
    }

    public double publishDocsPerSecond() {
      return documents / publishSeconds;
    }

    /** The publish path's throughput as a share of the bare producer's. */
    public double ratio() {
      return rawSeconds / publishSeconds;
    }

    /** The bare producer's client CPU per document as a share of the publish path's. */
    public double cpuRatio() {
      return rawCpuSeconds / publishCpuSeconds;
    }

    void print(PrintStream out, String label) {
      out.printf(Locale.ROOT, "%s: %,d documents, %.1f MB encoded%n", label, documents, bytes / MB);
      out.printf(Locale.ROOT, "  raw KafkaProducer   %8.1f s  %,10.0f docs/s  %7.1f MB/s  %8.1f us CPU/doc%n",
          rawSeconds, rawDocsPerSecond(), bytes / MB / rawSeconds, rawCpuSeconds * 1e6 / documents);
      out.printf(Locale.ROOT, "  publish path        %8.1f s  %,10.0f docs/s  %7.1f MB/s  %8.1f us CPU/doc%n",
          publishSeconds, publishDocsPerSecond(), bytes / MB / publishSeconds, publishCpuSeconds * 1e6 / documents);
      out.printf(Locale.ROOT, "  JVM CPU per doc (client, broker, GC)  raw %.1f us, publish %.1f us%n",
          rawJvmCpuSeconds * 1e6 / documents, publishJvmCpuSeconds * 1e6 / documents);
      out.printf(Locale.ROOT, "  ratio publish/raw   %.2f by docs/s, %.2f by client CPU per document, %.2f by JVM CPU%n",
          ratio(), cpuRatio(), rawJvmCpuSeconds / publishJvmCpuSeconds);
    }
  }

  private static final double MB = 1024.0 * 1024.0;
  private static final long WARMUP_DOCUMENTS = 4_000;
  private static final long MAX_WARMUP_PASSES = 5;
  private static final AvroSerde<RawDocument> SERDE = EventSerdes.rawDocument();
  private static final String[] WORDS = (
      "the council said on tuesday that ferry crews would strike over new rosters after talks broke down "
      + "operator timetable union members vote island route passengers reduced service minister statement "
      + "police court report markets shares fell rose percent election campaign government budget school "
      + "hospital weather storm flood city residents officials announced plan week month year").split(" ");

  private PublishBenchmark() {}

  public static void main(String[] args) throws Exception {
    int docs = 100_000;
    Path corpus = null;
    String compression = "lz4";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--docs" -> docs = Integer.parseInt(args[++i]);
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--compression" -> compression = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + " (use --docs N, --corpus DIR, --compression lz4|zstd|none|gzip|snappy)");
      }
    }
    Path work = Files.createTempDirectory("publish-benchmark");
    try {
      Path input = corpus != null ? corpus : generate(work.resolve("generated.jsonl"), docs, 42);
      Result result = run(input, work.resolve("broker"), compression);
      result.print(System.out, (corpus != null ? "corpus " + corpus : "generated set") + ", compression " + compression);
    } finally {
      deleteTree(work);
    }
  }

  /** Measures one input on a fresh embedded broker in {@code brokerDir}. */
  public static Result run(Path input, Path brokerDir, String compression) throws Exception {
    Map<String, Object> extra = Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
    long maxBytes = DocumentPublisher.DEFAULT_MAX_BYTES;
    List<ProducerRecord<String, byte[]>> encoded = encode(input, maxBytes);
    long bytes = encoded.stream().mapToLong(r -> r.value().length).sum();
    try (EmbeddedBroker broker = EmbeddedBroker.start(brokerDir, 0)) {
      String bootstrap = broker.bootstrapServers();
      createTopics(bootstrap, "bench-warmup-raw", "bench-warmup-publish", "bench-raw", "bench-publish");
      // warm both paths up (JIT, connections, metadata) alike, in whole passes over the input and
      // on at least WARMUP_DOCUMENTS: one pass over 1,497 corpus pages left the C2 compiler busy
      // for seconds of the measured runs, more so in the publish path, which runs more code
      long passes = Math.min(MAX_WARMUP_PASSES, Math.max(1, -Math.floorDiv(-WARMUP_DOCUMENTS, Math.max(1, encoded.size()))));
      for (long pass = 0; pass < passes; pass++) {
        sendRaw(bootstrap, "bench-warmup-raw", encoded, maxBytes, extra);
        publish(bootstrap, "bench-warmup-publish", input, maxBytes, extra);
      }

      ClientCpu rawCpu = ClientCpu.start(PublishBenchmark::isProducerThread);
      double jvmCpu = ClientCpu.processSeconds();
      long started = System.nanoTime();
      phase("raw", true);
      sendRaw(bootstrap, "bench-raw", encoded, maxBytes, extra);
      phase("raw", false);
      double rawSeconds = (System.nanoTime() - started) / 1e9;
      double rawCpuSeconds = rawCpu.stop();
      double rawJvmCpuSeconds = ClientCpu.processSeconds() - jvmCpu;

      ClientCpu publishCpu = ClientCpu.start(PublishBenchmark::isProducerThread);
      jvmCpu = ClientCpu.processSeconds();
      started = System.nanoTime();
      phase("publish", true);
      Summary summary = publish(bootstrap, "bench-publish", input, maxBytes, extra);
      phase("publish", false);
      double publishSeconds = (System.nanoTime() - started) / 1e9;
      double publishCpuSeconds = publishCpu.stop();
      double publishJvmCpuSeconds = ClientCpu.processSeconds() - jvmCpu;
      if (summary.sent() != encoded.size() || summary.bytes() != bytes) {
        // the two producers must have sent the same records, or the ratio compares different work
        throw new IllegalStateException("the publish path sent " + summary.sent() + " documents of " + summary.bytes()
            + " bytes, expected " + encoded.size() + " of " + bytes + ": " + summary.problems());
      }
      return new Result(encoded.size(), bytes, rawSeconds, publishSeconds, summary, rawCpuSeconds, publishCpuSeconds,
          rawJvmCpuSeconds, publishJvmCpuSeconds);
    }
  }

  /** The client threads besides the caller: the producer's I/O thread, the publish path's pool and sender. */
  static boolean isProducerThread(String name) {
    return name.startsWith("kafka-producer-network-thread") || name.startsWith("publish-");
  }

  /** Marks a measured phase on stderr with wall-clock times, to cut a JFR recording to it. */
  private static void phase(String name, boolean start) {
    System.err.printf(Locale.ROOT, "phase %s %s at %d%n", name, start ? "started" : "ended", System.currentTimeMillis());
  }

  /** The records the publisher would send for this input, encoded once, for the bare producer. */
  private static List<ProducerRecord<String, byte[]>> encode(Path input, long maxBytes) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    DocumentSink sink = new DocumentSink() {
      @Override
      public void accept(RawDocument document) {
        records.add(new ProducerRecord<>("", null, document.getFetchedAt().toEpochMilli(),
            DocumentPublisher.recordKey(document), SERDE.encode(document)));
      }

      @Override
      public void skip(String where, String reason) {}

      @Override
      public void fail(String where, String reason) {}
    };
    new FileSource(sink, maxBytes, relative -> true).read(input);
    return records;
  }

  private static void sendRaw(String bootstrap, String topic, List<ProducerRecord<String, byte[]>> records,
      long maxBytes, Map<String, Object> extra) {
    Map<String, Object> config = DocumentPublisher.producerConfig(bootstrap, maxBytes, extra);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      AtomicLong failed = new AtomicLong();
      for (ProducerRecord<String, byte[]> r : records) {
        producer.send(new ProducerRecord<>(topic, null, r.timestamp(), r.key(), r.value()),
            (metadata, error) -> {
              if (error != null) {
                failed.incrementAndGet();
              }
            });
      }
      producer.flush();
      if (failed.get() > 0) {
        // a baseline that lost records would flatter it: refuse to report it
        throw new IllegalStateException(failed.get() + " of " + records.size() + " raw sends to " + topic + " failed");
      }
    }
  }

  private static Summary publish(String bootstrap, String topic, Path input, long maxBytes, Map<String, Object> extra) {
    try (DocumentPublisher publisher = new DocumentPublisher(bootstrap, topic, maxBytes, extra)) {
      // as PublishCommand does: prepared on a pool, sent in order from one thread
      try (PreparingSink sink = new PreparingSink(
          publisher, PreparingSink.defaultWorkers(), PreparingSink.Target.of(publisher))) {
        new FileSource(sink, maxBytes, relative -> true).read(input);
      }
      publisher.flush();
      return publisher.summary();
    }
  }

  private static void createTopics(String bootstrap, String... names) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      List<NewTopic> topics = new ArrayList<>();
      for (String name : names) {
        topics.add(new NewTopic(name, 3, (short) 1).configs(Map.of("max.message.bytes", Integer.toString(12 << 20))));
      }
      admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
      awaitLeaders(admin, List.of(names));
    }
  }

  /**
   * Waits until every partition's leader answers a ListOffsets request: an idempotent producer's
   * first batch to a partition the broker has not finished taking on can be lost to an endless
   * OUT_OF_ORDER_SEQUENCE retry (KAFKA-15591), which failed a benchmark run.
   */
  private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(
            d -> d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
  }

  /**
   * Writes {@code count} JSON envelopes, one per line: HTML news pages of 1 to 6 KB of words drawn
   * from a small vocabulary, each with its own URL, fetched within one day.
   */
  public static Path generate(Path file, int count, long seed) throws IOException {
    Random random = new Random(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < count; i++) {
        body.setLength(0);
        body.append("<!doctype html><html><head><title>Story ").append(i).append("</title></head><body><article>");
        int paragraphs = 2 + random.nextInt(10);
        for (int p = 0; p < paragraphs; p++) {
          body.append("<p>");
          int words = 20 + random.nextInt(60);
          for (int w = 0; w < words; w++) {
            body.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
          }
          body.append("</p>");
        }
        body.append("</article></body></html>");
        out.write("{\"url\":\"https://news.example.com/story/" + i + "?utm_source=feed\",\"fetchedAt\":"
            + (1_718_064_000_000L + random.nextInt(86_400_000)) + ",\"contentType\":\"text/html\",\"body\":\""
            + body + "\"}\n");
      }
    }
    return file;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
