package news.pipeline.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Every setting of the streams app, bound from {@code news-pipeline.properties} plus overrides and
 * validated by {@link ConfigLoader}. See that file for what each key means.
 */
public record PipelineConfig(
    String bootstrapServers,
    String applicationId,
    Path stateDir,
    int streamThreads,
    int topicPartitions,
    short topicReplicationFactor,
    Topics topics,
    Dedup dedup,
    long maxDocumentBytes,
    long commitIntervalMs,
    Map<String, String> kafka,
    Ops ops) {

  /** Topic names. */
  public record Topics(String raw, String canonical, String duplicates, String rejected) {}

  /**
   * Operations settings: the HTTP port of /metrics, /health, /ready and the live view (0 picks a
   * free port, -1 turns the server off), the bound on a graceful stop, and the live view's size.
   */
  public record Ops(int httpPort, Duration shutdownTimeout, int liveArticles) {

    public boolean httpEnabled() {
      return httpPort >= 0;
    }
  }

  /** Dedup rule settings. */
  public record Dedup(
      Duration horizon, double titleThreshold, double bodyThreshold, double bodyDifferThreshold) {}

  public PipelineConfig {
    kafka = Map.copyOf(kafka);
  }

  public PipelineConfig withBootstrapServers(String servers) {
    return new PipelineConfig(
        servers, applicationId, stateDir, streamThreads, topicPartitions, topicReplicationFactor,
        topics, dedup, maxDocumentBytes, commitIntervalMs, kafka, ops);
  }

  public PipelineConfig withApplicationId(String id) {
    return new PipelineConfig(
        bootstrapServers, id, stateDir, streamThreads, topicPartitions, topicReplicationFactor,
        topics, dedup, maxDocumentBytes, commitIntervalMs, kafka, ops);
  }

  public PipelineConfig withStateDir(Path dir) {
    return new PipelineConfig(
        bootstrapServers, applicationId, dir, streamThreads, topicPartitions, topicReplicationFactor,
        topics, dedup, maxDocumentBytes, commitIntervalMs, kafka, ops);
  }

  public PipelineConfig withTopics(Topics newTopics) {
    return new PipelineConfig(
        bootstrapServers, applicationId, stateDir, streamThreads, topicPartitions, topicReplicationFactor,
        newTopics, dedup, maxDocumentBytes, commitIntervalMs, kafka, ops);
  }

  public PipelineConfig withOps(Ops newOps) {
    return new PipelineConfig(
        bootstrapServers, applicationId, stateDir, streamThreads, topicPartitions, topicReplicationFactor,
        topics, dedup, maxDocumentBytes, commitIntervalMs, kafka, newOps);
  }

  public PipelineConfig withDedup(Dedup newDedup) {
    return new PipelineConfig(
        bootstrapServers, applicationId, stateDir, streamThreads, topicPartitions, topicReplicationFactor,
        topics, newDedup, maxDocumentBytes, commitIntervalMs, kafka, ops);
  }
}
