package news.pipeline.app.topology;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.enrich.CandidateBuilder;
import news.pipeline.app.parse.ArticleDraft;
import news.pipeline.app.parse.DocumentParser;
import news.pipeline.app.parse.RawDecoder;
import news.pipeline.avro.RawDocument;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.schemas.AvroSerde;

/**
 * Starts a raw record's parse and enrich as soon as Kafka Streams reads the record, so that the
 * stream thread does the rest of the previous record's work (dedup, serdes, produce, commit) while
 * the page is being cleaned and its candidates built.
 *
 * <p>Kafka Streams deserializes the next record of a partition as it hands the current one to the
 * topology (one deserialized record ahead per partition, at most). This deserializer decodes an
 * Avro {@link RawDocument} and queues its parse on the stream thread's {@link DocumentParser},
 * then returns at once; {@link DocumentProcessor} waits for the result when it reaches the record.
 * Each stream thread has one parser, whose {@code parse.workers} workers take the parses in the
 * order the records arrive, each under the same per-document budget, and build each parse's
 * article candidates right after it (the {@link Enricher}); the processor takes the results in its
 * own order, so how many workers there are does not change the output.
 *
 * <p>The output does not change: the parse depends only on the record's bytes. A value that is not
 * an Avro RawDocument (a JSON envelope, which needs the record timestamp, or bytes that are not a
 * document at all) is passed on as bytes, and the processor decodes and parses it itself, with the
 * same parser, or rejects it with its reason. Nothing here throws: a record Kafka Streams could not
 * deserialize would be skipped or stop the app, and every input must reach an article or the
 * rejected topic.
 *
 * <p>A parse started for a record that is then never processed (its task was moved to another
 * instance) runs to its end and is dropped; at most one per partition.
 */
final class ParseAhead implements Deserializer<ParseAhead.RawRecord> {

  private static final Logger LOGGER = LoggerFactory.getLogger(ParseAhead.class);

  /** The enrich step: one draft of a raw document into its article candidate. Replaceable in tests to play a bug. */
  @FunctionalInterface
  interface Enricher {
    ArticleCandidate build(RawDocument raw, int index, ArticleDraft draft);
  }

  /**
   * A raw record's value: its bytes, and when they are an Avro RawDocument, the document and its
   * started parse (both null otherwise).
   *
   * @param decodeNanos the time the Avro decode took, for the stage metric
   */
  record RawRecord(byte[] bytes, RawDocument document, DocumentParser.Started<List<ArticleCandidate>> parse, long decodeNanos) {

    static RawRecord bytesOnly(byte[] bytes) {
      return new RawRecord(bytes, null, null, 0);
    }
  }

  /** One stream thread's decoder and parser. */
  record ThreadParser(RawDecoder decoder, DocumentParser parser) {}

  private final ThreadLocal<ThreadParser> perThread;
  private final DocumentParser.FollowUp<List<ArticleCandidate>> enrich;

  ParseAhead(PipelineConfig config) {
    this(config, new CandidateBuilder(config.limits().maxTitleChars())::build);
  }

  ParseAhead(PipelineConfig config, Enricher enricher) {
    this.enrich = (raw, drafts) -> candidates(enricher, raw, drafts);
    this.perThread =
        ThreadLocal.withInitial(
            () -> new ThreadParser(new RawDecoder(), new DocumentParser(config.maxDocumentBytes(), config.limits(), config.parseWorkers())));
  }

  /** The calling stream thread's decoder and parser, for records that were not parsed ahead. */
  ThreadParser forThisThread() {
    return perThread.get();
  }

  /** Starts a decoded document's parse and enrich on the calling stream thread's parser. */
  DocumentParser.Started<List<ArticleCandidate>> start(ThreadParser thread, RawDocument document) {
    return thread.parser().start(document, enrich);
  }

  /**
   * Every draft's candidate, all built before any is used: a bug in enrich sends the whole record to
   * the dead-letter queue, never a part of its articles downstream and the record rejected too.
   */
  private static List<ArticleCandidate> candidates(Enricher enricher, RawDocument raw, List<ArticleDraft> drafts) {
    List<ArticleCandidate> candidates = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      candidates.add(enricher.build(raw, i, drafts.get(i)));
    }
    return candidates;
  }

  @Override
  public RawRecord deserialize(String topic, byte[] data) {
    if (data == null || !AvroSerde.looksLikeAvro(data)) {
      return RawRecord.bytesOnly(data);
    }
    try {
      long start = System.nanoTime();
      ThreadParser thread = perThread.get();
      // an Avro RawDocument carries its own fetch time: the record timestamp is not read
      RawDecoder.Decoded decoded = thread.decoder().decode(data, 0L);
      if (decoded.rejection() != null) {
        return RawRecord.bytesOnly(data); // the processor decodes again and rejects it with the reason
      }
      long decodeNanos = System.nanoTime() - start;
      return new RawRecord(data, decoded.document(), start(thread, decoded.document()), decodeNanos);
    } catch (RuntimeException e) {
      LOGGER.warn("could not start a parse ahead; the record is parsed when processed topic={}", topic, e);
      return RawRecord.bytesOnly(data);
    }
  }

  /** The serde of the raw topic's values in the topology: bytes out, {@link RawRecord}s in. */
  Serde<RawRecord> serde() {
    Serializer<RawRecord> bytes = (topic, value) -> value == null ? null : value.bytes();
    return Serdes.serdeFrom(bytes, this);
  }
}
