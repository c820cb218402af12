package news.pipeline.app.topology;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import news.pipeline.app.ops.PipelineMetrics;
import news.pipeline.app.parse.DocumentParser;
import news.pipeline.app.parse.ParseResult;
import news.pipeline.app.parse.RawDecoder;
import news.pipeline.app.parse.Rejection;
import news.pipeline.avro.RawDocument;
import news.pipeline.avro.internal.ArticleCandidate;

/**
 * The stateless front of the topology: decode, parse, clean and enrich one raw record into article
 * candidates (keyed by document id), or into a rejection that keeps the original bytes and carries
 * its reason in headers. The parse, clean and enrich run on the stream thread's parse workers,
 * mostly started ahead by {@link ParseAhead}; this processor takes their result.
 */
final class DocumentProcessor implements Processor<String, ParseAhead.RawRecord, String, Routed> {

  private static final Logger LOGGER = LoggerFactory.getLogger(DocumentProcessor.class);

  private final ParseAhead ahead;
  private ProcessorContext<String, Routed> context;
  private PipelineMetrics metrics = PipelineMetrics.NOOP;

  /** {@code ahead} is the raw topic's deserializer, which starts parses and holds each stream thread's parser. */
  DocumentProcessor(ParseAhead ahead) {
    this.ahead = ahead;
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    this.context = context;
    this.metrics = PipelineMetrics.from(context.appConfigs());
  }

  @Override
  public void process(org.apache.kafka.streams.processor.api.Record<String, ParseAhead.RawRecord> record) {
    metrics.documentIn();
    ParseAhead.RawRecord in = record.value();
    ParseAhead.ThreadParser thread = ahead.forThisThread();
    RawDocument raw;
    DocumentParser.Started<List<ArticleCandidate>> started;
    if (in.parse() != null) {
      // decoded and started when Kafka Streams read the record
      raw = in.document();
      started = in.parse();
      metrics.stageNanos(PipelineMetrics.DECODE, in.decodeNanos());
    } else {
      long start = System.nanoTime();
      RawDecoder.Decoded decoded = thread.decoder().decode(in.bytes(), record.timestamp());
      metrics.stage(PipelineMetrics.DECODE, start);
      if (decoded.rejection() != null) {
        reject(record, decoded.rejection());
        return;
      }
      raw = decoded.document();
      started = ahead.start(thread, raw);
    }
    long start = System.nanoTime();
    DocumentParser.Parsed<List<ArticleCandidate>> parsed = thread.parser().await(started);
    metrics.stage(PipelineMetrics.PARSE_CLEAN, start);
    ParseResult result = parsed.result();
    if (result.isRejected()) {
      if (DocumentParser.isInternalError(result.rejection())) {
        LOGGER.warn("parse failed id={} url={} reason={}", raw.getId(), raw.getUrl(), result.rejection().reason());
      }
      reject(record, result.rejection());
      return;
    }
    // the enrich step ran on the parse worker; a bug in it sends the whole record to the
    // dead-letter queue (the processing exception handler), as if it had been thrown here
    metrics.stageNanos(PipelineMetrics.ENRICH, parsed.followUpNanos());
    if (parsed.followUpError() != null) {
      throw parsed.followUpError();
    }
    List<ArticleCandidate> candidates = parsed.followed();
    metrics.candidates(candidates.size());
    for (ArticleCandidate candidate : candidates) {
      context.forward(
          record
              .withKey(candidate.getDocumentId())
              .withValue((Routed) new Routed.Candidate(candidate))
              .withHeaders(new RecordHeaders())
              .withTimestamp(candidate.getEventTime().toEpochMilli()));
    }
  }

  private void reject(org.apache.kafka.streams.processor.api.Record<String, ParseAhead.RawRecord> record, Rejection rejection) {
    Headers headers = new RecordHeaders(record.headers().toArray());
    headers.add(Topics.HEADER_STAGE, utf8(rejection.stage()));
    headers.add(Topics.HEADER_REASON, utf8(rejection.reason()));
    if (rejection.exceptionClass() != null) {
      headers.add(Topics.HEADER_EXCEPTION, utf8(rejection.exceptionClass()));
    }
    context
        .recordMetadata()
        .ifPresent(
            (RecordMetadata meta) -> {
              headers.add(Topics.HEADER_SOURCE_TOPIC, utf8(meta.topic()));
              headers.add(Topics.HEADER_SOURCE_PARTITION, utf8(Integer.toString(meta.partition())));
              headers.add(Topics.HEADER_SOURCE_OFFSET, utf8(Long.toString(meta.offset())));
            });
    metrics.rejected(rejection.stage(), rejection.reason());
    LOGGER.debug("rejected key={} stage={} reason={}", record.key(), rejection.stage(), rejection.reason());
    context.forward(record.withValue((Routed) new Routed.Reject(record.value().bytes())).withHeaders(headers));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
