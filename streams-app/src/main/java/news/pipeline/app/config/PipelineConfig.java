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
    int parseWorkers,
    int topicPartitions,
    short topicReplicationFactor,
    Topics topics,
    Dedup dedup,
    long maxDocumentBytes,
    long commitIntervalMs,
    Map<String, String> kafka,
    Limits limits,
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

  /**
   * Dedup rule settings.
   *
   * @param candidateRetention how long the dedup candidates topic keeps a candidate after it was
   *     written: a live article's representative is read back from there
   */
  public record Dedup(
      Duration horizon, double titleThreshold, double bodyThreshold, double bodyDifferThreshold,
      Duration candidateRetention) {

    /** The settings with the candidate retention at its default, ten horizons. */
    public Dedup(Duration horizon, double titleThreshold, double bodyThreshold, double bodyDifferThreshold) {
      this(horizon, titleThreshold, bodyThreshold, bodyDifferThreshold, horizon.multipliedBy(10));
    }
  }

  /**
   * Per-document budgets that keep one pathological input from stalling a partition.
   *
   * @param parseTimeout longest parse and clean of one document before it is rejected
   * @param maxHtmlDepth deepest element nesting an HTML page may have
   * @param maxHtmlElements most elements (start tags) an HTML page may have
   * @param maxTitleChars titles longer than this are cut at a word boundary
   */
  public record Limits(Duration parseTimeout, int maxHtmlDepth, int maxHtmlElements, int maxTitleChars) {}

  public PipelineConfig {
    kafka = Map.copyOf(kafka);
  }

  /** Secrets in the {@code kafka.*} settings are masked, so a config can be logged. */
  @Override
  public String toString() {
    return "PipelineConfig[bootstrapServers=" + bootstrapServers + ", applicationId=" + applicationId
        + ", stateDir=" + stateDir + ", streamThreads=" + streamThreads + ", parseWorkers=" + parseWorkers
        + ", topicPartitions=" + topicPartitions
        + ", topicReplicationFactor=" + topicReplicationFactor + ", topics=" + topics + ", dedup=" + dedup
        + ", maxDocumentBytes=" + maxDocumentBytes + ", commitIntervalMs=" + commitIntervalMs
        + ", kafka=" + Secrets.masked(kafka) + ", limits=" + limits + "]";
  }

  public PipelineConfig withBootstrapServers(String servers) {
    return new PipelineConfig(
        servers, applicationId, stateDir, streamThreads, parseWorkers, topicPartitions, topicReplicationFactor,
        topics, dedup, maxDocumentBytes, commitIntervalMs, kafka, limits, ops);
  }

  public PipelineConfig withApplicationId(String id) {
    return new PipelineConfig(
        bootstrapServers, id, stateDir, streamThreads, parseWorkers, topicPartitions, topicReplicationFactor,
        topics, dedup, maxDocumentBytes, commitIntervalMs, kafka, limits, ops);
  }

  public PipelineConfig withStateDir(Path dir) {
    return new PipelineConfig(
        bootstrapServers, applicationId, dir, streamThreads, parseWorkers, topicPartitions, topicReplicationFactor,
        topics, dedup, maxDocumentBytes, commitIntervalMs, kafka, limits, ops);
  }

  public PipelineConfig withTopics(Topics newTopics) {
    return new PipelineConfig(
        bootstrapServers, applicationId, stateDir, streamThreads, parseWorkers, topicPartitions, topicReplicationFactor,
        newTopics, dedup, maxDocumentBytes, commitIntervalMs, kafka, limits, ops);
  }
}
