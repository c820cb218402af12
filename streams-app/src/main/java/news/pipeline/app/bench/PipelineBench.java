package news.pipeline.app.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import news.pipeline.app.ops.PipelineMetrics;
import news.pipeline.app.clean.HtmlCleaner;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.dedup.KeyValueDedupStore;
import news.pipeline.app.parse.MetadataRecordParser;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.app.run.IdleWaiter;
import news.pipeline.app.run.PipelineRunner;
import news.pipeline.app.run.TopicSetup;
import news.pipeline.app.topology.Topics;
import news.pipeline.avro.DedupDecision;
import news.pipeline.avro.RawDocument;
import news.pipeline.broker.EmbeddedBroker;
import news.pipeline.producer.publish.DocumentPublisher;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventSerdes;

/**
 * The end-to-end benchmark behind {@code ./pipeline bench}: on an embedded broker, in one run and
 * over the same documents, the raw broker pass-through, the cleaner alone and the full pipeline,
 * then the end-to-end latency at half the pipeline's measured rate and the dedup state size.
 * See {@link BenchCommand} for the options and the README's Performance section for what each
 * figure means.
 */
final class PipelineBench {

  /** What to run. */
  record Options(
      int docs,
      int threads,
      int instances,
      int partitions,
      Path corpus,
      int maxPages,
      boolean metadataOnly,
      double latencySeconds,
      boolean scaling,
      int warmupDocs,
      Path dataDir,
      Duration timeout) {}

  /** A throughput measurement. */
  record Rate(String label, long docs, long bytes, double seconds) {
    double docsPerSecond() {
      return docs / seconds;
    }

    double megabytesPerSecond() {
      return bytes / 1e6 / seconds;
    }
  }

  /** One pass of the full pipeline. */
  record PipelineRun(
      String label, Rate rate, double startupSeconds, double processCpuSeconds, double streamCpuSeconds,
      long heapPeakBytes, TimeSpent time) {}

  /**
   * Where the stream threads' wall time went in one pass, in seconds summed over the threads: the
   * pipeline's own stages (its timers, wall clock: parse and clean include the hand-off to the
   * parse worker) and the time blocked on Kafka (Kafka's own thread and producer metrics).
   */
  record TimeSpent(double threadSeconds, Map<String, Double> stages, double blocked, Map<String, Double> blockedParts) {

    double rest() {
      double known = blocked;
      for (double v : stages.values()) {
        known += v;
      }
      return threadSeconds - known;
    }
  }

  /** The end-to-end latency phase. */
  record Latency(double targetRate, long sent, long seen, double p50Millis, double p99Millis, double maxMillis) {}

  /**
   * The dedup state as its changelogs hold it (latest value per key): the index stores and the
   * content store (one compressed entry per live article) apart.
   */
  record StateSize(
      long rememberedDocuments, long liveArticles, long indexBytes, long contentBytes, Map<String, Long> bytesByStore) {
    long totalBytes() {
      return indexBytes + contentBytes;
    }

    double bytesPerDocument() {
      return rememberedDocuments == 0 ? 0 : (double) totalBytes() / rememberedDocuments;
    }

    double indexBytesPerDocument() {
      return rememberedDocuments == 0 ? 0 : (double) indexBytes / rememberedDocuments;
    }

    double contentBytesPerArticle() {
      return liveArticles == 0 ? 0 : (double) contentBytes / liveArticles;
    }
  }

  /** Everything one run measured. */
  record Result(
      String documents, long docs, long bytes, Rate raw, Rate cleaner, PipelineRun pipeline, Latency latency,
      StateSize state, long heapAfterGcBytes, List<PipelineRun> scaling, double loadBefore, double loadAfter,
      double cleanerCpuSeconds) {

    double pipelineOverCleaner() {
      return pipeline.rate().docsPerSecond() / cleaner.docsPerSecond();
    }

    double pipelineOverRaw() {
      return pipeline.rate().docsPerSecond() / raw.docsPerSecond();
    }

    /** Cleaner-alone CPU per document over stream-thread CPU per document: less sensitive to other load. */
    double cpuRatio() {
      return cleanerCpuSeconds / pipeline.streamCpuSeconds();
    }
  }

  private static final String PASSTHROUGH_TOPIC = "bench.passthrough";
  private static final String WARMUP_TOPIC = "bench.warmup.raw";
  private static final int CLEANER_CHUNK = 32;

  private final Options options;
  private final PrintStream err;
  private final BenchDocuments documents;
  private final AvroSerde<RawDocument> rawSerde = EventSerdes.rawDocument();
  private long totalBytes;
  private final AtomicLong cleanerCpuNanos = new AtomicLong();

  PipelineBench(Options options, PrintStream err) {
    this.options = options;
    this.err = err;
    this.documents =
        BenchDocuments.open(
            options.corpus(), options.maxPages(), 200,
            options.metadataOnly() ? BenchDocuments.Mix.METADATA_ONLY : BenchDocuments.Mix.MIXED, err);
  }

  Result run() throws Exception {
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    err.println("starting an embedded Kafka broker in " + options.dataDir() + " ...");
    try (EmbeddedBroker broker = EmbeddedBroker.start(options.dataDir().resolve("broker"), 0)) {
      PipelineConfig base = config(broker.bootstrapServers(), "bench", options.threads(), Topics.RAW);
      TopicSetup.ensureTopics(base);
      try (Admin admin = Admin.create(ClientSettings.admin(base))) {
        admin.createTopics(List.of(new NewTopic(PASSTHROUGH_TOPIC, options.partitions(), (short) 1)
            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(TopicSetup.maxMessageBytes(base))))))
            .all().get(30, TimeUnit.SECONDS);
      }
      totalBytes = publish(base, 0, options.docs());
      Rate raw = passThrough(base);
      warmUp(broker.bootstrapServers());
      Rate cleaner = cleanerAlone();

      List<PipelineRun> scaling = new ArrayList<>();
      if (options.scaling()) {
        int pass = 0;
        for (int[] shape : new int[][] {{1, 1}, {2, 1}, {1, 2}}) {
          PipelineConfig config = config(broker.bootstrapServers(), "scale" + (++pass), shape[0], Topics.RAW);
          TopicSetup.ensureTopics(config);
          String label = shape[0] + " thread" + (shape[0] > 1 ? "s" : "") + " x " + shape[1] + " instance"
              + (shape[1] > 1 ? "s" : "");
          List<PipelineRunner> runners = startInstances(config, shape[1], "scale" + pass);
          try {
            scaling.add(awaitBacklog(config, runners, label, options.docs()));
          } finally {
            stop(runners);
          }
        }
      }

      PipelineConfig config = config(broker.bootstrapServers(), "main", options.threads(), Topics.RAW);
      TopicSetup.ensureTopics(config);
      List<PipelineRunner> runners = startInstances(config, options.instances(), "main");
      PipelineRun pipeline;
      Latency latency;
      try {
        pipeline = awaitBacklog(
            config, runners, options.threads() + " thread(s) x " + options.instances() + " instance(s)", options.docs());
        latency = latency(config, pipeline.rate().docsPerSecond() / 2);
      } finally {
        stop(runners);
      }
      StateSize state = stateSize(config);
      System.gc();
      long heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return new Result(
          documents.description(), options.docs(), totalBytes, raw, cleaner, pipeline, latency, state, heapAfterGc,
          scaling, loadBefore, loadAfter, cleanerCpuNanos.get() / 1e9);
    }
  }

  private PipelineConfig config(String bootstrap, String name, int threads, String rawTopic) {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("bootstrap.servers", bootstrap);
    overrides.put("state.dir", options.dataDir().resolve("state-" + name).toString());
    overrides.put("application.id", "news-pipeline-bench-" + name);
    overrides.put("topics.partitions", Integer.toString(options.partitions()));
    overrides.put("num.stream.threads", Integer.toString(threads));
    overrides.put("topic.raw", rawTopic);
    overrides.put("topic.canonical", "bench." + name + ".canonical");
    overrides.put("topic.duplicates", "bench." + name + ".duplicates");
    overrides.put("topic.rejected", "bench." + name + ".rejected");
    return ConfigLoader.load(null, Map.of(), overrides).orThrow();
  }

  // ---------------------------------------------------------------- publishing

  private KafkaProducer<String, byte[]> producer(PipelineConfig config) {
    Map<String, Object> props =
        DocumentPublisher.producerConfig(config.bootstrapServers(), config.maxDocumentBytes(), Map.of());
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * Publishes documents {@code from} to {@code to - 1} to the config's raw topic as the crawler
   * would; not timed.
   *
   * @return the encoded bytes published
   */
  private long publish(PipelineConfig config, long from, long to) {
    long started = System.nanoTime();
    long bytes = 0;
    try (KafkaProducer<String, byte[]> producer = producer(config)) {
      for (long i = from; i < to; i++) {
        bytes += send(producer, config, i, Instant.now());
        if ((i + 1 - from) % 500 == 0) {
          err.printf(Locale.ROOT, "published %,d of %,d documents%n", i + 1 - from, to - from);
        }
      }
      producer.flush();
    }
    err.printf(Locale.ROOT, "published %,d documents (%.1f MB) to %s in %.1f s%n",
        to - from, bytes / 1e6, config.topics().raw(), (System.nanoTime() - started) / 1e9);
    return bytes;
  }

  /**
   * Sends one document keyed and timestamped as {@link DocumentPublisher} does; the record
   * timestamp is the fetch time.
   *
   * @return the encoded size
   */
  private int send(KafkaProducer<String, byte[]> producer, PipelineConfig config, long index, Instant fetchedAt) {
    RawDocument doc = documents.document(index, fetchedAt);
    byte[] value = rawSerde.encode(doc);
    producer.send(new ProducerRecord<>(
        config.topics().raw(), null, fetchedAt.toEpochMilli(), DocumentPublisher.recordKey(doc), value));
    return value.length;
  }

  // ---------------------------------------------------------------- raw pass-through

  /**
   * Reads every raw record and writes its bytes unchanged to a copy topic (producer settings of the
   * streams app: acks=all, idempotent, lz4): the broker's cost for the same bytes, no processing.
   */
  private Rate passThrough(PipelineConfig config) {
    err.println("raw pass-through: consuming the raw topic and producing every record unchanged ...");
    Map<String, Object> consumerProps = new HashMap<>();
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, Object> producerProps = new HashMap<>();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    producerProps.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) TopicSetup.maxMessageBytes(config));
    long count = 0;
    long bytes = 0;
    long started = System.nanoTime();
    try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(config.topics().raw()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + options.timeout().toNanos();
      while (count < options.docs()) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          producer.send(new ProducerRecord<>(PASSTHROUGH_TOPIC, null, r.timestamp(), r.key(), r.value()));
          count++;
          bytes += r.value().length;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("raw pass-through read " + count + " of " + options.docs() + " records");
        }
      }
      producer.flush();
    }
    Rate rate = new Rate("raw pass-through", count, bytes, (System.nanoTime() - started) / 1e9);
    err.printf(Locale.ROOT, "raw pass-through: %,.0f docs/s%n", rate.docsPerSecond());
    return rate;
  }

  // ---------------------------------------------------------------- warm-up

  /**
   * The cleaner alone and then the whole pipeline, each on the first {@code --warmup-docs}
   * documents (100 by default) and untimed, before either is measured, so that both timed passes
   * run compiled code. The pipeline runs under its own application id on a copy of those documents
   * in {@value #WARMUP_TOPIC}; its state and outputs are not used again. (Without it the pipeline
   * pass started with its own code, Kafka Streams and RocksDB cold while the cleaner alone had had
   * its warm-up.)
   */
  private void warmUp(String bootstrap) throws Exception {
    long n = Math.min(options.warmupDocs(), options.docs());
    if (n == 0) {
      return;
    }
    int threads = options.threads() * options.instances();
    err.printf(Locale.ROOT, "warm-up: the cleaner alone and then the pipeline on %d documents, not timed ...%n", n);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      cleanRange(pool, threads, 0, n);
    } finally {
      pool.shutdownNow();
    }
    PipelineConfig config = config(bootstrap, "warmup", options.threads(), WARMUP_TOPIC);
    TopicSetup.ensureTopics(config);
    publish(config, 0, n);
    List<PipelineRunner> runners = startInstances(config, options.instances(), "warmup");
    try {
      awaitBacklog(config, runners, "warm-up", n);
    } finally {
      stop(runners);
    }
  }

  // ---------------------------------------------------------------- cleaner alone

  /**
   * The cleaner on the same documents with the same number of threads: {@link HtmlCleaner} for
   * pages, the metadata record parser for records. Documents are generated in chunks outside the
   * timed part; only the cleaning of each chunk, spread over the threads, is timed (wall clock).
   * Runs after the warm-up.
   */
  private Rate cleanerAlone() throws Exception {
    int threads = options.threads() * options.instances();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      cleanerCpuNanos.set(0);
      err.printf(Locale.ROOT, "cleaner alone: %,d documents on %d thread(s) ...%n", options.docs(), threads);
      long nanos = cleanRange(pool, threads, 0, options.docs());
      Rate rate = new Rate("cleaner alone", options.docs(), totalBytes, nanos / 1e9);
      err.printf(Locale.ROOT, "cleaner alone: %,.0f docs/s%n", rate.docsPerSecond());
      return rate;
    } finally {
      pool.shutdownNow();
    }
  }

  private long cleanRange(ExecutorService pool, int threads, long from, long to) throws Exception {
    long nanos = 0;
    AtomicLong sink = new AtomicLong();
    for (long chunk = from; chunk < to; chunk += CLEANER_CHUNK) {
      List<BenchDocuments.Page> pages = new ArrayList<>();
      for (long i = chunk; i < Math.min(to, chunk + CLEANER_CHUNK); i++) {
        pages.add(documents.page(i));
      }
      long started = System.nanoTime();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(pool.submit(() -> {
          long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
          HtmlCleaner cleaner = new HtmlCleaner();
          MetadataRecordParser parser = new MetadataRecordParser(Integer.MAX_VALUE);
          for (int i = first; i < pages.size(); i += threads) {
            BenchDocuments.Page page = pages.get(i);
            int size = switch (page.type()) {
              case HTML -> cleaner.clean(page.text(), page.url()).text() == null ? 0 : 1;
              case FRONT_MATTER -> parser.frontMatter(page.text()).isRejected() ? 0 : 1;
              case JSON -> parser.json(page.text()).isRejected() ? 0 : 1;
              default -> 0;
            };
            sink.addAndGet(size);
          }
          cleanerCpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart);
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      nanos += System.nanoTime() - started;
    }
    return nanos;
  }

  // ---------------------------------------------------------------- full pipeline

  private List<PipelineRunner> startInstances(PipelineConfig config, int instances, String name) {
    List<PipelineRunner> runners = new ArrayList<>();
    for (int k = 0; k < instances; k++) {
      // an in-memory registry per instance: the stage timers the bench reads at the end of a pass
      runners.add(PipelineRunner.start(
          config.withStateDir(options.dataDir().resolve("state-" + name + "-instance-" + k)),
          new PipelineMetrics(new SimpleMeterRegistry())));
    }
    return runners;
  }

  /**
   * Waits until the pipeline has processed the whole raw topic (committed offsets at the end of
   * the raw and repartition topics). The clock starts when the first instance is RUNNING.
   */
  private PipelineRun awaitBacklog(PipelineConfig config, List<PipelineRunner> runners, String label, long docs)
      throws Exception {
    err.printf(Locale.ROOT, "full pipeline (%s): starting ...%n", label);
    long created = System.nanoTime();
    long deadline = created + options.timeout().toNanos();
    while (runners.stream().noneMatch(r -> r.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING)) {
      failIfStopped(runners);
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the streams app did not start within " + options.timeout());
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
    long started = System.nanoTime();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long cpuBefore = processCpuNanos();
    Map<Long, Long> streamCpuBefore = streamThreadCpu(threads);
    Map<String, Double> stagesBefore = stageSeconds(runners);
    Map<String, Double> kafkaBefore = kafkaBlockedSeconds(runners);
    long heapPeak = 0;
    long lastReport = started;
    try (Admin admin = Admin.create(ClientSettings.admin(config))) {
      IdleWaiter waiter = new IdleWaiter(config, admin);
      while (true) {
        failIfStopped(runners);
        heapPeak = Math.max(heapPeak, memory.getHeapMemoryUsage().getUsed());
        long lag = waiter.lag();
        if (lag == 0) {
          break;
        }
        long now = System.nanoTime();
        if (now - lastReport > 5_000_000_000L) {
          err.printf(Locale.ROOT, "full pipeline: %,d records still to process%n", lag);
          lastReport = now;
        }
        if (now > deadline) {
          throw new IllegalStateException("the pipeline did not process its input within " + options.timeout());
        }
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpu = (processCpuNanos() - cpuBefore) / 1e9;
    Map<Long, Long> streamCpuAfter = streamThreadCpu(threads);
    long streamCpu = 0;
    for (Map.Entry<Long, Long> e : streamCpuAfter.entrySet()) {
      streamCpu += e.getValue() - streamCpuBefore.getOrDefault(e.getKey(), 0L);
    }
    Rate rate = new Rate("full pipeline", docs, totalBytes, seconds);
    err.printf(Locale.ROOT, "full pipeline (%s): %,.0f docs/s%n", label, rate.docsPerSecond());
    TimeSpent time = new TimeSpent(
        seconds * runners.size() * options.threads(),
        difference(stageSeconds(runners), stagesBefore),
        difference(kafkaBlockedSeconds(runners), kafkaBefore).getOrDefault(BLOCKED, 0.0),
        withoutKey(difference(kafkaBlockedSeconds(runners), kafkaBefore), BLOCKED));
    return new PipelineRun(label, rate, (started - created) / 1e9, cpu, streamCpu / 1e9, heapPeak, time);
  }

  /** Closes the instances, then the metrics registries the bench gave them. */
  private static void stop(List<PipelineRunner> runners) {
    for (PipelineRunner r : runners) {
      r.close(Duration.ofSeconds(30));
      r.metrics().close();
    }
  }

  private static final String BLOCKED = "blocked";

  /** The Kafka metrics (cumulative nanoseconds) that say where a stream thread waited on Kafka. */
  private static final Map<String, String> BLOCKED_METRICS = Map.of(
      "blocked-time-ns-total", BLOCKED,
      "flush-time-ns-total", "producer flush",
      "txn-send-offsets-time-ns-total", "offsets into the transaction",
      "txn-commit-time-ns-total", "transaction commit");

  private static Map<String, Double> stageSeconds(List<PipelineRunner> runners) {
    Map<String, Double> total = new java.util.TreeMap<>();
    for (PipelineRunner r : runners) {
      r.metrics().stageSeconds().forEach((stage, s) -> total.merge(stage, s, Double::sum));
    }
    return total;
  }

  private static Map<String, Double> kafkaBlockedSeconds(List<PipelineRunner> runners) {
    Map<String, Double> total = new java.util.TreeMap<>();
    for (PipelineRunner r : runners) {
      r.streams().metrics().forEach((name, metric) -> {
        String part = BLOCKED_METRICS.get(name.name());
        // the stream threads' own clients only (not the admin or restore clients)
        boolean ours = name.group().equals("stream-thread-metrics")
            || (name.group().equals("producer-metrics") && name.tags().getOrDefault("client-id", "").contains("StreamThread"));
        if (part != null && ours && metric.metricValue() instanceof Number n) {
          total.merge(part, n.doubleValue() / 1e9, Double::sum);
        }
      });
    }
    return total;
  }

  private static Map<String, Double> difference(Map<String, Double> after, Map<String, Double> before) {
    Map<String, Double> d = new java.util.LinkedHashMap<>();
    after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0.0)));
    return d;
  }

  private static Map<String, Double> withoutKey(Map<String, Double> map, String key) {
    Map<String, Double> copy = new java.util.LinkedHashMap<>(map);
    copy.remove(key);
    return copy;
  }

  private static void failIfStopped(List<PipelineRunner> runners) {
    for (PipelineRunner r : runners) {
      if (r.failure() != null) {
        throw new IllegalStateException("a streams instance failed: " + r.failure(), r.failure());
      }
    }
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  private static Map<Long, Long> streamThreadCpu(ThreadMXBean threads) {
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      // the parse and clean of a document runs on its task's parse worker (ParseBudget), not on
      // the stream thread itself: both are the pipeline's work per document
      if (info != null && (info.getThreadName().contains("StreamThread") || info.getThreadName().startsWith("parse-worker-"))) {
        long nanos = threads.getThreadCpuTime(info.getThreadId());
        if (nanos >= 0) {
          cpu.put(info.getThreadId(), nanos);
        }
      }
    }
    return cpu;
  }

  // ---------------------------------------------------------------- latency

  /**
   * Publishes new documents at {@code rate} for the configured time while the pipeline runs, each
   * with its fetch time (the raw record timestamp) set to the wall clock at send, and measures, per
   * document, the time until a read_committed consumer sees its dedup decision. The decision is
   * written in the same transaction as the canonical article version, so it becomes visible at the
   * same moment.
   */
  private Latency latency(PipelineConfig config, double rate) throws Exception {
    double targetRate = Math.max(1, rate);
    long count = Math.max(10, Math.round(targetRate * options.latencySeconds()));
    err.printf(Locale.ROOT, "latency: publishing %,d documents at %.1f docs/s (half the measured rate) ...%n",
        count, targetRate);
    Set<String> pending = ConcurrentHashMap.newKeySet();
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<Long> latencies = new ArrayList<>();
    AtomicReference<Throwable> publishFailure = new AtomicReference<>();
    Map<String, Object> props = ClientSettings.reader(config);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    AvroSerde<DedupDecision> decisions = EventSerdes.dedupDecision();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : List.of(config.topics().duplicates(), config.topics().rejected())) {
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      Thread publisher = new Thread(() -> {
        try (KafkaProducer<String, byte[]> producer = producer(config)) {
          long start = System.nanoTime();
          for (long j = 0; j < count; j++) {
            long due = start + (long) (j * 1e9 / targetRate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
              TimeUnit.NANOSECONDS.sleep(wait);
            }
            Instant now = Instant.now();
            RawDocument doc = documents.document(options.docs() + j, now);
            pending.add(doc.getId());
            sentAt.put(doc.getId(), now.toEpochMilli());
            byte[] value = rawSerde.encode(doc);
            producer.send(new ProducerRecord<>(
                config.topics().raw(), null, now.toEpochMilli(), DocumentPublisher.recordKey(doc), value));
            producer.flush();
          }
        } catch (Throwable t) {
          publishFailure.set(t);
        }
      }, "bench-latency-publisher");
      publisher.start();
      long sent = count;
      long deadline = Long.MAX_VALUE;
      long seen = 0;
      while (publisher.isAlive() || (!pending.isEmpty() && System.nanoTime() < deadline)) {
        if (!publisher.isAlive() && deadline == Long.MAX_VALUE) {
          deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
          long now = System.currentTimeMillis();
          String id;
          if (r.topic().equals(config.topics().duplicates())) {
            DedupDecision d = decisions.decode(r.value());
            id = d.getDocumentId();
          } else {
            id = rejectedId(r.value());
          }
          if (id != null && pending.remove(id)) {
            latencies.add(now - sentAt.get(id));
            seen++;
          }
        }
      }
      publisher.join();
      if (publishFailure.get() != null) {
        throw new IllegalStateException("latency publisher failed: " + publishFailure.get(), publishFailure.get());
      }
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      Latency latency = new Latency(targetRate, sent, seen, percentile(sorted, 0.50), percentile(sorted, 0.99),
          sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
      err.printf(Locale.ROOT, "latency: p50 %.0f ms, p99 %.0f ms (%d of %d seen)%n",
          latency.p50Millis(), latency.p99Millis(), seen, sent);
      return latency;
    }
  }

  private String rejectedId(byte[] value) {
    try {
      return AvroSerde.looksLikeAvro(value) ? rawSerde.decode(value).getId() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  // ---------------------------------------------------------------- state size

  /**
   * The dedup state as the stores' changelog topics hold it: key and value bytes of the latest
   * value per key (what a restore rebuilds), per store, and the number of remembered documents.
   */
  private StateSize stateSize(PipelineConfig config) {
    Map<String, Long> byStore = new java.util.LinkedHashMap<>();
    long index = 0;
    long content = 0;
    long docs = 0;
    long articles = 0;
    Map<String, Object> props = ClientSettings.reader(config);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      for (String store : Topics.DEDUP_STORES) {
        String topic = config.applicationId() + "-" + store + "-changelog";
        Map<java.nio.ByteBuffer, Integer> latest = new HashMap<>();
        Map<java.nio.ByteBuffer, Integer> documentsPerKey = new HashMap<>();
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Set<TopicPartition> open = new HashSet<>(partitions);
        while (!open.isEmpty()) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            java.nio.ByteBuffer key = java.nio.ByteBuffer.wrap(r.key());
            if (r.value() == null) {
              latest.remove(key);
              documentsPerKey.remove(key);
            } else {
              latest.put(key, r.key().length + r.value().length);
              if (store.equals(Topics.STORE_DOCUMENTS)) {
                documentsPerKey.put(key, KeyValueDedupStore.documentsIn(r.value()));
              }
            }
          }
          open.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
        }
        long bytes = latest.values().stream().mapToLong(Integer::longValue).sum();
        byStore.put(store, bytes);
        if (store.equals(Topics.STORE_CONTENT)) {
          content += bytes;
          articles = latest.size();
        } else {
          index += bytes;
        }
        if (store.equals(Topics.STORE_DOCUMENTS)) {
          docs = documentsPerKey.values().stream().mapToLong(Integer::longValue).sum();
        }
      }
    }
    return new StateSize(docs, articles, index, content, byStore);
  }
}
