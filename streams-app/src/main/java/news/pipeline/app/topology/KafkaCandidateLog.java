package news.pipeline.app.topology;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.dedup.CandidateLog;
import news.pipeline.app.ops.PipelineMetrics;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventSerdes;

/**
 * The dedup candidates topic as a {@link CandidateLog}: a representative is read back by its offset
 * with a consumer of its own (read_committed, no group). The candidates dedup saw last are kept in
 * a cache bounded by their size, so copies that arrive close together cost no fetch.
 * A representative was committed before dedup read it, so it is there until retention deletes it.
 */
final class KafkaCandidateLog implements CandidateLog, AutoCloseable {

  /**
   * How much the cache of recent candidates may hold, in characters of their text, excerpt and
   * title plus {@link #ENTRY_CHARS} each: about 16 MB of heap, some 800 HTML pages or 15,000
   * metadata records.
   */
  static final long CACHE_CHARS = 8L * 1024 * 1024;

  private static final int ENTRY_CHARS = 256;

  private static final Duration POLL = Duration.ofMillis(500);
  private static final long READ_TIMEOUT_NANOS = Duration.ofSeconds(60).toNanos();

  private final PipelineConfig config;
  private final TopicPartition partition;
  private final AvroSerde<ArticleCandidate> serde = EventSerdes.articleCandidate();
  private final Recent recent = new Recent();
  private PipelineMetrics metrics = PipelineMetrics.NOOP;
  private KafkaConsumer<byte[], byte[]> consumer;
  private long reads;
  private long fetches;

  KafkaCandidateLog(PipelineConfig config, String topic) {
    this.config = config;
    this.partition = new TopicPartition(topic, 0);
  }

  /** Where reads are counted ({@code news_pipeline_representatives_read_total}). */
  void countIn(PipelineMetrics metrics) {
    this.metrics = metrics;
  }

  /** Remembers a candidate dedup has just read at {@code position}. */
  void saw(long position, ArticleCandidate candidate) {
    recent.put(position, candidate);
  }

  /** How many representatives were read back. */
  long reads() {
    return reads;
  }

  /** How many of them were fetched from the broker (not found in the cache). */
  long fetches() {
    return fetches;
  }

  @Override
  public ArticleCandidate read(long position) {
    reads++;
    ArticleCandidate cached = recent.get(position);
    metrics.representativeRead(cached == null);
    if (cached != null) {
      return cached;
    }
    fetches++;
    KafkaConsumer<byte[], byte[]> reader = consumer();
    reader.seek(partition, position);
    long deadline = System.nanoTime() + READ_TIMEOUT_NANOS;
    while (System.nanoTime() < deadline) {
      List<ConsumerRecord<byte[], byte[]>> records;
      try {
        records = reader.poll(POLL).records(partition);
      } catch (OffsetOutOfRangeException e) {
        return null; // deleted by retention
      }
      for (ConsumerRecord<byte[], byte[]> record : records) {
        if (record.offset() == position) {
          return serde.deserializer().deserialize(partition.topic(), record.value());
        }
        if (record.offset() > position) {
          return null;
        }
      }
    }
    throw new IllegalStateException(
        "cannot read the candidate at offset " + position + " of " + partition + " within 60 s");
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    if (consumer == null) {
      Map<String, Object> props = ClientSettings.reader(config);
      props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
      props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
      props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-candidate-log");
      consumer = new KafkaConsumer<>(props);
      consumer.assign(List.of(partition));
    }
    return consumer;
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close();
      consumer = null;
    }
  }

  /** Candidates by position, the least recently used dropped first once they pass {@link #CACHE_CHARS}. */
  private static final class Recent extends LinkedHashMap<Long, ArticleCandidate> {
    private long chars;

    Recent() {
      super(64, 0.75f, true);
    }

    @Override
    public ArticleCandidate put(Long position, ArticleCandidate candidate) {
      ArticleCandidate old = super.put(position, candidate);
      chars += size(candidate) - size(old);
      var eldest = entrySet().iterator();
      while (chars > CACHE_CHARS && size() > 1) {
        ArticleCandidate dropped = eldest.next().getValue();
        eldest.remove();
        chars -= size(dropped);
      }
      return old;
    }

    private static long size(ArticleCandidate c) {
      if (c == null) {
        return 0;
      }
      return ENTRY_CHARS + length(c.getText()) + length(c.getExcerpt()) + length(c.getTitle());
    }

    private static int length(CharSequence s) {
      return s == null ? 0 : s.length();
    }
  }
}
