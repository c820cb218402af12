package news.pipeline.app.topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.enrich.CandidateBuilder;
import news.pipeline.app.ops.PipelineMetrics;
import news.pipeline.app.parse.ArticleDraft;
import news.pipeline.app.parse.DocumentParser;
import news.pipeline.app.parse.ParseResult;
import news.pipeline.app.parse.RawDecoder;
import news.pipeline.app.parse.Rejection;
import news.pipeline.avro.RawDocument;
import news.pipeline.avro.internal.ArticleCandidate;

/**
 * The stateless front of the topology: decode, parse, clean and enrich one raw record into article
 * candidates (keyed by document id), or into a rejection that keeps the original bytes and carries
 * its reason in headers.
 */
final class DocumentProcessor implements Processor<String, ParseAhead.RawRecord, String, Routed> {

  private static final Logger LOGGER = LoggerFactory.getLogger(DocumentProcessor.class);

  /** The enrich step, replaceable in tests to play a bug. */
  interface Enricher {
    ArticleCandidate build(RawDocument raw, int index, ArticleDraft draft);
  }

  private final ParseAhead ahead;
  private final Enricher enricher;
  private ProcessorContext<String, Routed> context;
  private PipelineMetrics metrics = PipelineMetrics.NOOP;

  DocumentProcessor(PipelineConfig config, ParseAhead ahead) {
    this(ahead, new CandidateBuilder(config.limits().maxTitleChars())::build);
  }

  /** {@code ahead} is the raw topic's deserializer, which starts parses and holds each stream thread's parser. */
  DocumentProcessor(ParseAhead ahead, Enricher enricher) {
    this.ahead = ahead;
    this.enricher = enricher;
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
    DocumentParser.Started started;
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
      started = thread.parser().start(raw);
    }
    long start = System.nanoTime();
    ParseResult result = thread.parser().finish(started);
    metrics.stage(PipelineMetrics.PARSE_CLEAN, start);
    if (result.isRejected()) {
      if (DocumentParser.isInternalError(result.rejection())) {
        LOGGER.warn("parse failed id={} url={} reason={}", raw.getId(), raw.getUrl(), result.rejection().reason());
      }
      reject(record, result.rejection());
      return;
    }
    List<ArticleDraft> drafts = result.drafts();
    metrics.candidates(drafts.size());
    // every candidate is built before any is forwarded: a bug in enrich sends the whole record to
    // the dead-letter queue, never a part of its articles downstream and the record rejected too
    List<ArticleCandidate> candidates = new ArrayList<>(drafts.size());
    start = System.nanoTime();
    for (int i = 0; i < drafts.size(); i++) {
      candidates.add(enricher.build(raw, i, drafts.get(i)));
    }
    metrics.stage(PipelineMetrics.ENRICH, start);
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
