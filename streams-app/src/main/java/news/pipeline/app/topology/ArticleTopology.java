package news.pipeline.app.topology;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.schemas.EventSerdes;

/**
 * The whole topology, built by one method that {@code run}, the demo and every test share:
 *
 * <pre>
 * raw --parse/clean/enrich--> candidates topic --> dedup --> canonical (compacted)
 *        \                                          \--> duplicates (decisions)
 *         `--> rejected (original bytes, reason in headers)
 * </pre>
 *
 * <p>Dedup runs on the one partition of the {@code <application.id>-dedup-candidates} topic, so
 * its decisions do not depend on how many partitions the raw topic has or how many instances run.
 * That topic is also the log dedup reads representatives back from ({@link KafkaCandidateLog}), and
 * its records are timed by their event time ({@link CandidateEventTime}), so the horizon is counted
 * in event time even when a backfill of old crawls arrives today.
 */
public final class ArticleTopology {

  private ArticleTopology() {}

  public static Topology build(PipelineConfig config) {
    Properties props = StreamsSettings.properties(config);
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
    PipelineConfig.Topics topics = config.topics();

    ParseAhead ahead = new ParseAhead(config);
    KStream<String, Routed> parsed =
        builder
            .stream(topics.raw(), Consumed.with(Serdes.String(), ahead.serde()).withName("raw-documents"))
            .process(() -> new DocumentProcessor(ahead), Named.as("parse-clean-enrich"));

    Map<String, KStream<String, Routed>> branches =
        parsed
            .split(Named.as("parsed-"))
            .branch((key, value) -> value instanceof Routed.Reject, Branched.as("rejected"))
            .defaultBranch(Branched.as("candidates"));

    branches
        .get("parsed-rejected")
        .mapValues(value -> ((Routed.Reject) value).original(), Named.as("rejected-original-bytes"))
        .to(topics.rejected(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("rejected-sink"));

    branches
        .get("parsed-candidates")
        .mapValues(value -> ((Routed.Candidate) value).candidate(), Named.as("candidate-values"))
        .to(
            Topics.candidates(config),
            Produced.with(Serdes.String(), EventSerdes.articleCandidate()).withName("candidates-sink"));

    KStream<String, Routed> dedupOut =
        builder
            .stream(
                Topics.candidates(config),
                Consumed.with(Serdes.String(), EventSerdes.articleCandidate())
                    .withTimestampExtractor(new CandidateEventTime())
                    .withName("candidates"))
            .process(DedupProcessor.supplier(config), Named.as("dedup"));

    dedupOut
        .split(Named.as("dedup-"))
        .branch(
            (key, value) -> value instanceof Routed.Article,
            Branched.withConsumer(
                articles ->
                    articles
                        .mapValues(value -> ((Routed.Article) value).article(), Named.as("article-values"))
                        .to(
                            topics.canonical(),
                            Produced.with(Serdes.String(), EventSerdes.canonicalArticle()).withName("canonical-sink")),
                "articles"))
        .defaultBranch(
            Branched.withConsumer(
                decisions ->
                    decisions
                        .mapValues(value -> ((Routed.Decision) value).decision(), Named.as("decision-values"))
                        .to(
                            topics.duplicates(),
                            Produced.with(Serdes.String(), EventSerdes.dedupDecision()).withName("duplicates-sink")),
                "decisions"));

    return builder.build(props);
  }
}
