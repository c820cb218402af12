package news.pipeline.schemas;

import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.DedupDecision;
import news.pipeline.avro.RawDocument;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.avro.internal.ClusterState;
import news.pipeline.avro.internal.DedupDocument;

/** Serdes for every event type on our topics; all share the one {@link SchemaHistory}. */
public final class EventSerdes {

  private EventSerdes() {}

  public static AvroSerde<RawDocument> rawDocument() {
    return new AvroSerde<>(
        RawDocument.getEncoder(), RawDocument.createDecoder(SchemaHistory.store()));
  }

  public static AvroSerde<CanonicalArticle> canonicalArticle() {
    return new AvroSerde<>(
        CanonicalArticle.getEncoder(), CanonicalArticle.createDecoder(SchemaHistory.store()));
  }

  public static AvroSerde<DedupDecision> dedupDecision() {
    return new AvroSerde<>(
        DedupDecision.getEncoder(), DedupDecision.createDecoder(SchemaHistory.store()));
  }

  public static AvroSerde<ArticleCandidate> articleCandidate() {
    return new AvroSerde<>(
        ArticleCandidate.getEncoder(), ArticleCandidate.createDecoder(SchemaHistory.store()));
  }

  public static AvroSerde<DedupDocument> dedupDocument() {
    return new AvroSerde<>(
        DedupDocument.getEncoder(), DedupDocument.createDecoder(SchemaHistory.store()));
  }

  public static AvroSerde<ClusterState> clusterState() {
    return new AvroSerde<>(
        ClusterState.getEncoder(), ClusterState.createDecoder(SchemaHistory.store()));
  }
}
