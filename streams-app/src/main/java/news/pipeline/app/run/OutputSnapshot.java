package news.pipeline.app.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.DedupDecision;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventSerdes;

/**
 * The pipeline's output as a consumer sees it after reading every topic to its end: the live
 * articles (latest version per id, tombstoned ones left out, as compaction will leave them), every
 * decision and every rejected record.
 */
public record OutputSnapshot(
    Map<String, CanonicalArticle> articles, List<DedupDecision> decisions, List<ConsumerRecord<String, byte[]>> rejected) {

  public static OutputSnapshot read(PipelineConfig config) {
    AvroSerde<CanonicalArticle> articleSerde = EventSerdes.canonicalArticle();
    Map<String, CanonicalArticle> latest = new LinkedHashMap<>();
    TopicReader.readAll(
        config,
        config.topics().canonical(),
        record -> {
          if (record.value() == null) {
            latest.remove(record.key());
          } else {
            latest.put(record.key(), articleSerde.decode(record.value()));
          }
        });
    AvroSerde<DedupDecision> decisionSerde = EventSerdes.dedupDecision();
    List<DedupDecision> decisions = new ArrayList<>();
    TopicReader.readAll(config, config.topics().duplicates(), r -> decisions.add(decisionSerde.decode(r.value())));
    List<ConsumerRecord<String, byte[]>> rejected = TopicReader.readAll(config, config.topics().rejected());
    return new OutputSnapshot(latest, decisions, rejected);
  }

  /** Live articles, earliest first. */
  public List<CanonicalArticle> sortedArticles() {
    List<CanonicalArticle> list = new ArrayList<>(articles.values());
    list.sort(Comparator.comparing(CanonicalArticle::getFirstSeen).thenComparing(CanonicalArticle::getId));
    return list;
  }

  /** Members over all live articles: each input article candidate that was not rejected. */
  public int memberCount() {
    return articles.values().stream().mapToInt(a -> a.getMembers().size()).sum();
  }
}
