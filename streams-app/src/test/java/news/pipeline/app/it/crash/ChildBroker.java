package news.pipeline.app.it.crash;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
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
    Path config = dataDir.resolve("server.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      props.store(out, "child broker");
    }
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int rc;
    try (PrintStream print = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      rc = StorageTool.execute(
          new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--standalone", "--ignore-formatted"},
          print);
    }
    if (rc != 0) {
      throw new IllegalStateException("format failed: " + captured.toString(StandardCharsets.UTF_8));
    }
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
    awaitReady(Duration.ofSeconds(90));
  }

  void stop() throws InterruptedException {
    if (jvm != null && jvm.isAlive()) {
      jvm.stop();
    }
  }

  Path dataDir() {
    return dataDir;
  }

  private void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Object> conf = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(conf)) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          if (!jvm.isAlive()) {
            throw new IllegalStateException("broker exited with " + jvm.exitCode() + ", see " + log);
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("broker not ready after " + timeout + ", see " + log, e);
          }
        }
        TimeUnit.MILLISECONDS.sleep(200);
      }
    }
  }

}
