package news.pipeline.app.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import news.pipeline.avro.internal.ArticleCandidate;

/**
 * Times a dedup candidate by its event time (the fetch time), not by when it was written: the
 * candidates topic stamps records on append, so that its retention counts from then, and dedup's
 * stream time, which drives eviction beyond the horizon, must still move in event time. Otherwise a
 * backfill of crawls older than the horizon would forget each article a minute after filing it.
 */
final class CandidateEventTime implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof ArticleCandidate candidate && candidate.getEventTime() != null) {
      return candidate.getEventTime().toEpochMilli();
    }
    return record.timestamp();
  }
}
