package news.pipeline.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;

/** What one {@code ./pipeline bench} run does, as {@link BenchCommand} parsed it. */
record BenchOptions(
    int docs,
    int threads,
    int parseWorkers,
    int instances,
    int partitions,
    Path corpus,
    int maxPages,
    boolean metadataOnly,
    double latencySeconds,
    boolean scaling,
    int warmupDocs,
    int warmupRounds,
    Path dataDir,
    Duration timeout) {

  /**
   * Threads of the cleaner-alone phase: as many as the pipeline cleans on, its stream threads in all
   * times the parse workers of each ({@code parse.workers}), which do the cleaning.
   */
  int cleanerThreads() {
    return threads * instances * parseWorkers;
  }

  /**
   * The pipeline's config for one pass: its own application id, state dir and output topics (all
   * named after {@code name}), so that no pass reads another's state or output.
   */
  PipelineConfig pipelineConfig(String bootstrap, String name, int streamThreads, String rawTopic) {
    Map<String, String> overrides = new HashMap<>();
    overrides.put("bootstrap.servers", bootstrap);
    overrides.put("state.dir", dataDir.resolve("state-" + name).toString());
    overrides.put("application.id", "news-pipeline-bench-" + name);
    overrides.put("topics.partitions", Integer.toString(partitions));
    overrides.put("num.stream.threads", Integer.toString(streamThreads));
    overrides.put("parse.workers", Integer.toString(parseWorkers));
    overrides.put("topic.raw", rawTopic);
    overrides.put("topic.canonical", "bench." + name + ".canonical");
    overrides.put("topic.duplicates", "bench." + name + ".duplicates");
    overrides.put("topic.rejected", "bench." + name + ".rejected");
    return ConfigLoader.load(null, Map.of(), overrides).orThrow();
  }
}
