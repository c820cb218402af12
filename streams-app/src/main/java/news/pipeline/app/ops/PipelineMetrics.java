package news.pipeline.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import news.pipeline.app.dedup.DedupOutcome;
import news.pipeline.app.topology.Topics;
import news.pipeline.avro.MatchSignal;

/**
 * The pipeline's own meters, and the hook the processors call, one line per event. The processors
 * find it in their app configs, where {@link #attachTo(Properties)} put it:
 *
 * <pre>{@code
 * metrics = PipelineMetrics.from(context.appConfigs());   // in init(); NOOP when absent
 * metrics.documentIn();                                    // in process()
 * }</pre>
 *
 * <p>So {@code ArticleTopology.build(config)} and {@code TopologyTestDriver} tests need nothing:
 * without the key the processors get {@link #NOOP}, whose meters record nothing. Prometheus names:
 * {@code news_pipeline_documents_in_total}, {@code news_pipeline_rejects_total{stage,reason}},
 * {@code news_pipeline_duplicates_merged_total{signal}}, {@code news_pipeline_stage_latency_seconds{stage}},
 * {@code news_pipeline_state_entries{store}}, ... (see README, Operations).
 */
public final class PipelineMetrics implements AutoCloseable {

  /** The key under which the instance travels in the Kafka Streams properties. */
  public static final String CONFIG_KEY = "news.pipeline.metrics";

  /** Records nothing: for topologies run without an operations server. */
  public static final PipelineMetrics NOOP = new PipelineMetrics(new CompositeMeterRegistry());

  /** Stages timed in {@link #stage(String, long)}. */
  public static final String DECODE = "decode";
  public static final String PARSE_CLEAN = "parse_clean";
  public static final String ENRICH = "enrich";
  public static final String DEDUP = "dedup";

  /** Distinct reject reasons tracked per stage before further ones count as "other". */
  static final int MAX_REASONS = 50;

  private static final List<String> STORES = Topics.DEDUP_STORES;

  private final MeterRegistry registry;
  private final Counter documentsIn;
  private final Counter candidates;
  private final Counter newArticles;
  private final Counter repeated;
  private final Counter versionsOut;
  private final Counter tombstonesOut;
  private final Counter readFromCache;
  private final Counter readFromBroker;
  private final Map<MatchSignal, Counter> merged = new ConcurrentHashMap<>();
  private final Map<String, Timer> stageTimers = new ConcurrentHashMap<>();
  private final Map<List<String>, Counter> rejects = new ConcurrentHashMap<>();
  private final List<AutoCloseable> binders = new ArrayList<>();

  public PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.documentsIn = Counter.builder("news.pipeline.documents.in")
        .description("Raw records read from the input topic").register(registry);
    this.candidates = Counter.builder("news.pipeline.candidates")
        .description("Article candidates parsed, cleaned and enriched (a record can yield several)").register(registry);
    this.newArticles = Counter.builder("news.pipeline.articles.new")
        .description("Candidates that started a new canonical article").register(registry);
    this.repeated = Counter.builder("news.pipeline.documents.repeated")
        .description("Candidates dedup had seen before (re-sends, replays over live state); nothing written").register(registry);
    this.versionsOut = Counter.builder("news.pipeline.canonical.out").tag("kind", "version")
        .description("Records written to the canonical topic").register(registry);
    this.tombstonesOut = Counter.builder("news.pipeline.canonical.out").tag("kind", "tombstone")
        .description("Records written to the canonical topic").register(registry);
    this.readFromCache = Counter.builder("news.pipeline.representatives.read").tag("from", "cache")
        .description("Representatives dedup read back to publish an article again").register(registry);
    this.readFromBroker = Counter.builder("news.pipeline.representatives.read").tag("from", "broker")
        .description("Representatives dedup read back to publish an article again").register(registry);
    for (MatchSignal signal : List.of(MatchSignal.URL, MatchSignal.TITLE, MatchSignal.BODY)) {
      mergedCounter(signal);
    }
  }

  /** Backed by a Prometheus registry, with JVM and process meters bound. */
  public static PipelineMetrics prometheus() {
    PipelineMetrics metrics = new PipelineMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    new JvmMemoryMetrics().bindTo(metrics.registry);
    new JvmThreadMetrics().bindTo(metrics.registry);
    new ProcessorMetrics().bindTo(metrics.registry);
    new UptimeMetrics().bindTo(metrics.registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(metrics.registry);
    metrics.binders.add(gc);
    return metrics;
  }

  /** The instance {@link #attachTo} put into the app configs, else {@link #NOOP}. */
  public static PipelineMetrics from(Map<String, Object> appConfigs) {
    return appConfigs.get(CONFIG_KEY) instanceof PipelineMetrics metrics ? metrics : NOOP;
  }

  /** Puts this instance into Kafka Streams properties, where the processors find it. */
  public Properties attachTo(Properties streamsProperties) {
    streamsProperties.put(CONFIG_KEY, this);
    return streamsProperties;
  }

  /** Binds the Kafka Streams client metrics and the state-size gauges of a started client. */
  public void bind(KafkaStreams streams) {
    if (this == NOOP) {
      return;
    }
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    binders.add(streamsMetrics);
    for (String store : STORES) {
      Gauge.builder("news.pipeline.state.entries", streams, s -> approximateEntries(s, store))
          .tag("store", store)
          .description("Approximate entries in the dedup store on this instance (NaN while it is not queryable)")
          .register(registry);
    }
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The time recorded so far in each {@link #stage(String, long)} stage, in seconds. */
  public Map<String, Double> stageSeconds() {
    Map<String, Double> seconds = new java.util.TreeMap<>();
    stageTimers.forEach((stage, timer) -> seconds.put(stage, timer.totalTime(TimeUnit.SECONDS)));
    return seconds;
  }

  // ---- the hooks the processors call ----

  public void documentIn() {
    documentsIn.increment();
  }

  public void candidates(int count) {
    candidates.increment(count);
  }

  /** Records the time since {@code startNanos} (a {@link System#nanoTime()}) for a stage. */
  public void stage(String stage, long startNanos) {
    stageNanos(stage, System.nanoTime() - startNanos);
  }

  /** Records a time measured elsewhere for a stage. */
  public void stageNanos(String stage, long nanos) {
    stageTimers
        .computeIfAbsent(stage, s -> Timer.builder("news.pipeline.stage.latency").tag("stage", s)
            .description("Time one record spends in a stage").register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  public void rejected(String stage, String reason) {
    String label = ReasonClass.of(reason);
    List<String> key = List.of(stage, label);
    Counter counter = rejects.get(key);
    if (counter == null) {
      long sameStage = rejects.keySet().stream().filter(k -> k.get(0).equals(stage)).count();
      if (sameStage >= MAX_REASONS) {
        key = List.of(stage, "other");
      }
      counter = rejects.computeIfAbsent(key, k -> Counter.builder("news.pipeline.rejects")
          .tag("stage", k.get(0)).tag("reason", k.get(1))
          .description("Records sent to the rejected topic, by stage and reason").register(registry));
    }
    counter.increment();
  }

  /** One dedup decision and what it wrote; {@code startNanos} is when dedup began on the candidate. */
  public void deduped(DedupOutcome outcome, long startNanos) {
    stage(DEDUP, startNanos);
    if (outcome.repeated()) {
      repeated.increment();
      return;
    }
    MatchSignal signal = outcome.decision().getMatchedBy();
    if (signal == MatchSignal.FIRST) {
      newArticles.increment();
    } else {
      mergedCounter(signal).increment();
    }
    versionsOut.increment();
    tombstonesOut.increment(outcome.retiredArticleIds().size());
  }

  /** Dedup read a representative back: from its cache of recent candidates, or from the broker. */
  public void representativeRead(boolean fromBroker) {
    (fromBroker ? readFromBroker : readFromCache).increment();
  }

  // ---- what the live view shows ----

  /** The counters now, for {@code /api/stats}. */
  public Snapshot snapshot() {
    Map<String, Long> mergedBySignal = new java.util.TreeMap<>();
    merged.forEach((signal, counter) -> mergedBySignal.put(signal.name(), (long) counter.count()));
    List<RejectCount> rejectCounts = new ArrayList<>();
    rejects.forEach((key, counter) -> rejectCounts.add(new RejectCount(key.get(0), key.get(1), (long) counter.count())));
    rejectCounts.sort(java.util.Comparator.comparingLong(RejectCount::count).reversed()
        .thenComparing(RejectCount::stage).thenComparing(RejectCount::reason));
    Map<String, Double> meanLatencyMs = new java.util.TreeMap<>();
    stageTimers.forEach((stage, timer) -> meanLatencyMs.put(stage, timer.mean(TimeUnit.NANOSECONDS) / 1e6));
    return new Snapshot(
        (long) documentsIn.count(), (long) candidates.count(), (long) newArticles.count(), mergedBySignal,
        (long) repeated.count(), (long) versionsOut.count(), (long) tombstonesOut.count(), rejectCounts, meanLatencyMs);
  }

  /** Counters at one moment. */
  public record Snapshot(
      long documentsIn, long candidates, long newArticles, Map<String, Long> mergedBySignal, long repeated,
      long canonicalVersions, long tombstones, List<RejectCount> rejects, Map<String, Double> meanLatencyMs) {

    public long merged() {
      return mergedBySignal.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rejected() {
      return rejects.stream().mapToLong(RejectCount::count).sum();
    }

    /** Share of decided candidates that joined an existing article. */
    public double dedupRate() {
      long decided = newArticles + merged();
      return decided == 0 ? 0 : (double) merged() / decided;
    }
  }

  public record RejectCount(String stage, String reason, long count) {}

  @Override
  public void close() {
    for (AutoCloseable binder : binders) {
      try {
        binder.close();
      } catch (Exception e) {
        // closing meters must not stop a shutdown
      }
    }
    binders.clear();
  }

  private Counter mergedCounter(MatchSignal signal) {
    return merged.computeIfAbsent(signal, s -> Counter.builder("news.pipeline.duplicates.merged").tag("signal", s.name())
        .description("Candidates merged into an existing article, by the signal that matched").register(registry));
  }

  private static double approximateEntries(KafkaStreams streams, String store) {
    try {
      return streams
          .store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, Object>keyValueStore()))
          .approximateNumEntries();
    } catch (InvalidStateStoreException | IllegalStateException e) {
      return Double.NaN;
    }
  }
}
