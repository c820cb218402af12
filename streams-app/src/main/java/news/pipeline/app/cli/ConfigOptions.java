package news.pipeline.app.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import picocli.CommandLine.Option;

/** Options every command that talks to Kafka shares: where the cluster is, and a config file. */
final class ConfigOptions {

  @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers (default: bootstrap.servers from the config, localhost:9092).")
  String bootstrapServer;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file overriding news-pipeline.properties; environment variables NEWS_PIPELINE_* override both.")
  Path configFile;

  PipelineConfig load() {
    return load(Map.of());
  }

  PipelineConfig load(Map<String, String> extra) {
    Map<String, String> overrides = new HashMap<>(extra);
    if (bootstrapServer != null) {
      overrides.put("bootstrap.servers", bootstrapServer);
    }
    return ConfigLoader.load(configFile, System.getenv(), overrides).orThrow();
  }
}
