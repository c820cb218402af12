package news.pipeline.app.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.ClientSettings;
import news.pipeline.avro.ArticleMember;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventSerdes;

/**
 * The latest canonical articles, for the live view: a {@code read_committed} consumer of the
 * canonical topic (no consumer group) on its own thread, keeping the last {@code live.articles}
 * versions by article id in memory; a tombstone removes its article. Reading the topic rather than
 * hooking the dedup processor means every instance shows the same committed output, whichever
 * instance runs dedup, and nothing from an aborted transaction. At start it reads back about
 * {@code live.articles} records per partition.
 */
public final class LiveFeed implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(LiveFeed.class);

  private final PipelineConfig config;
  private final int capacity;
  private final AvroSerde<CanonicalArticle> serde = EventSerdes.canonicalArticle();
  private final Map<String, CanonicalArticle> latest = new LinkedHashMap<>();
  private final AtomicLong versionsRead = new AtomicLong();
  private final AtomicLong tombstonesRead = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile KafkaConsumer<String, byte[]> consumer;

  private LiveFeed(PipelineConfig config) {
    this.config = config;
    this.capacity = config.ops().liveArticles();
    this.thread = new Thread(this::run, "live-feed");
    this.thread.setDaemon(true);
  }

  public static LiveFeed start(PipelineConfig config) {
    LiveFeed feed = new LiveFeed(config);
    feed.thread.start();
    return feed;
  }

  /** The kept articles, the most recently updated first. */
  public synchronized List<CanonicalArticle> articles() {
    List<CanonicalArticle> list = new ArrayList<>(latest.values());
    Collections.reverse(list);
    return list;
  }

  public long versionsRead() {
    return versionsRead.get();
  }

  public long tombstonesRead() {
    return tombstonesRead.get();
  }

  /** Applies one record of the canonical topic. */
  synchronized void accept(String id, CanonicalArticle article) {
    latest.remove(id);
    if (article == null) {
      tombstonesRead.incrementAndGet();
      return;
    }
    versionsRead.incrementAndGet();
    latest.put(id, article);
    while (latest.size() > capacity) {
      latest.remove(latest.keySet().iterator().next());
    }
  }

  private void run() {
    while (running) {
      try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(ClientSettings.reader(config))) {
        consumer = c;
        if (!running) {
          return;
        }
        List<TopicPartition> partitions = partitions(c);
        if (partitions.isEmpty()) {
          pause(Duration.ofSeconds(2));
          continue;
        }
        c.assign(partitions);
        Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
        c.endOffsets(partitions).forEach((tp, end) -> c.seek(tp, Math.max(begin.get(tp), end - capacity)));
        while (running) {
          for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
            accept(record.key(), record.value() == null ? null : serde.decode(record.value()));
          }
        }
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        LOGGER.warn("live view cannot read topic={} error={}; retrying", config.topics().canonical(), e.toString());
        pause(Duration.ofSeconds(2));
      }
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c) {
    String topic = config.topics().canonical();
    List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
    if (infos == null) {
      return List.of();
    }
    return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
  }

  private void pause(Duration duration) {
    try {
      TimeUnit.MILLISECONDS.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- the JSON view (/api/articles) ----

  /** One article as the live view shows it. */
  public record ArticleView(
      String id, String title, String url, String siteName, int memberCount, String firstSeen, String lastSeen,
      Map<String, Integer> mergedBy, List<MemberView> members) {}

  /** One copy merged into an article, and why. */
  public record MemberView(
      String documentId, String url, String source, String eventTime, String matchedBy, double similarity) {}

  public static ArticleView view(CanonicalArticle a) {
    Map<String, Integer> mergedBy = new TreeMap<>();
    List<MemberView> members = new ArrayList<>();
    for (ArticleMember m : a.getMembers()) {
      String signal = m.getMatchedBy().name();
      members.add(new MemberView(m.getDocumentId(), m.getUrl(), m.getSource(), String.valueOf(m.getEventTime()), signal, m.getSimilarity()));
      if (!"FIRST".equals(signal)) {
        mergedBy.merge(signal, 1, Integer::sum);
      }
    }
    return new ArticleView(
        a.getId(), a.getTitle(), a.getUrl(), a.getSiteName(), a.getMemberCount(), String.valueOf(a.getFirstSeen()), String.valueOf(a.getLastSeen()),
        mergedBy, members);
  }
}
