package news.pipeline.app.topology;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.dedup.DedupOutcome;
import news.pipeline.app.dedup.Deduplicator;
import news.pipeline.app.dedup.KeyValueDedupStore;
import news.pipeline.app.ops.PipelineMetrics;
import news.pipeline.avro.internal.ArticleCandidate;

/**
 * The thin Kafka adapter around {@link Deduplicator}: reads candidates, keeps dedup state in six
 * changelogged byte stores (five for the index, one for each live article; see {@link
 * Topics#DEDUP_STORES}), reads representatives back from the candidates topic ({@link
 * KafkaCandidateLog}), and forwards the retired articles' tombstones, the updated article and the
 * decision.
 */
final class DedupProcessor implements Processor<String, ArticleCandidate, String, Routed> {

  private static final Logger LOGGER = LoggerFactory.getLogger(DedupProcessor.class);

  private static final Duration EVICTION_INTERVAL = Duration.ofMinutes(1);
  private static final int MAX_EVICTIONS_PER_RUN = 10_000;

  private final Deduplicator deduplicator;
  private final KafkaCandidateLog log;
  private final String candidatesTopic;
  private final long horizonMillis;
  private ProcessorContext<String, Routed> context;
  private KeyValueDedupStore store;
  private PipelineMetrics metrics = PipelineMetrics.NOOP;

  private DedupProcessor(PipelineConfig config) {
    this.candidatesTopic = Topics.candidates(config);
    this.log = new KafkaCandidateLog(config, candidatesTopic);
    this.deduplicator = new Deduplicator(config.dedup(), log);
    this.horizonMillis = config.dedup().horizon().toMillis();
  }

  /** The supplier, which also declares the stores so the DSL connects them. */
  static ProcessorSupplier<String, ArticleCandidate, String, Routed> supplier(PipelineConfig config) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, ArticleCandidate, String, Routed> get() {
        return new DedupProcessor(config);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        Set<StoreBuilder<?>> stores = new java.util.LinkedHashSet<>();
        for (String name : Topics.DEDUP_STORES) {
          stores.add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray()));
        }
        return stores;
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    this.context = context;
    this.metrics = PipelineMetrics.from(context.appConfigs());
    log.countIn(metrics);
    this.store =
        new KeyValueDedupStore(
            context.getStateStore(Topics.STORE_DOCUMENTS),
            context.getStateStore(Topics.STORE_CONTENT),
            context.getStateStore(Topics.STORE_URLS),
            context.getStateStore(Topics.STORE_BANDS),
            context.getStateStore(Topics.STORE_MEMBERS),
            context.getStateStore(Topics.STORE_EXPIRY));
    // forget articles that left the horizon, in event time: state stays bounded
    context.schedule(
        EVICTION_INTERVAL,
        PunctuationType.STREAM_TIME,
        streamTime -> {
          int evicted = deduplicator.evict(streamTime - horizonMillis, store, MAX_EVICTIONS_PER_RUN);
          if (evicted > 0) {
            LOGGER.info("evicted articles beyond the horizon count={} streamTime={}", evicted, streamTime);
          }
        });
  }

  @Override
  public void process(org.apache.kafka.streams.processor.api.Record<String, ArticleCandidate> record) {
    long start = System.nanoTime();
    long position = position();
    DedupOutcome outcome = deduplicator.accept(record.value(), position, store);
    log.saw(position, record.value());
    metrics.deduped(outcome, start);
    if (outcome.repeated()) {
      LOGGER.debug("document seen before, nothing changes id={}", record.key());
      return;
    }
    for (String retired : outcome.retiredArticleIds()) {
      context.forward(record.withKey(retired).withValue((Routed) new Routed.Article(null)));
    }
    context.forward(
        record.withKey(outcome.article().getId()).withValue((Routed) new Routed.Article(outcome.article())));
    context.forward(
        record.withKey(outcome.decision().getDocumentId()).withValue((Routed) new Routed.Decision(outcome.decision())));
  }

  /** The record's offset in the candidates topic: where the candidate log finds it again. */
  private long position() {
    var metadata =
        context.recordMetadata().orElseThrow(() -> new IllegalStateException("a candidate without record metadata"));
    if (!metadata.topic().equals(candidatesTopic) || metadata.partition() != 0) {
      throw new IllegalStateException(
          "dedup reads partition 0 of " + candidatesTopic + ", got " + metadata.topic() + "-" + metadata.partition());
    }
    return metadata.offset();
  }

  @Override
  public void close() {
    LOGGER.info(
        "candidate log: representatives read back={}, fetched from the broker={}", log.reads(), log.fetches());
    log.close();
  }
}
