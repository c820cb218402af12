package news.pipeline.app.it.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import news.pipeline.broker.EmbeddedBroker;

/**
 * A single-node KRaft broker in a child JVM ({@code kafka.Kafka server.properties}), with the
 * settings of {@link EmbeddedBroker}, that can be killed and started again on the same ports and
 * data directory.
 */
final class ChildBroker {

  private final Path dataDir;
  private final Path config;
  private final Path log;
  private final int port;
  private ChildJvm jvm;

  private ChildBroker(Path dataDir, Path config, Path log, int port) {
    this.dataDir = dataDir;
    this.config = config;
    this.log = log;
    this.port = port;
  }

  /** Writes the config, formats the storage once, and starts the broker. */
  static ChildBroker start(Path dataDir, Path log) throws Exception {
    Files.createDirectories(dataDir);
    int port = EmbeddedBroker.freePort();
    Properties props = EmbeddedBroker.serverProperties(dataDir, port, EmbeddedBroker.freePort());
    Path config = EmbeddedBroker.format(dataDir, props);
    ChildBroker broker = new ChildBroker(dataDir, config, log, port);
    broker.restart();
    return broker;
  }

  String bootstrapServers() {
    return "localhost:" + port;
  }

  /** kill -9 of the broker process. */
  void kill() throws InterruptedException {
    jvm.kill();
  }

  /** Starts the broker process again (same ports, same data) and waits until it answers. */
  void restart() throws Exception {
    jvm = ChildJvm.start("broker", "512m", log, "kafka.Kafka", config.toString());
    EmbeddedBroker.awaitReady(
        bootstrapServers(), Duration.ofSeconds(90), jvm::isAlive, "the child broker (log: " + log + ")");
  }

  void stop() throws InterruptedException {
    if (jvm != null && jvm.isAlive()) {
      jvm.stop();
    }
  }

  Path dataDir() {
    return dataDir;
  }
}
