package news.pipeline.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker (combined KRaft broker and controller, one node) running in this JVM. Not a
 * mock: clients talk to it over TCP on localhost exactly as to any cluster.
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.start(Path.of("data/broker"), 0)) {
 *   String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 *
 * <p>The data directory is formatted on first use and reused afterwards, so a broker restarted on
 * the same directory keeps its topics.
 */
public final class EmbeddedBroker implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedBroker.class);

  private final KafkaRaftServer server;
  private final int port;
  private final Path dataDir;
  private boolean closed;

  private EmbeddedBroker(KafkaRaftServer server, int port, Path dataDir) {
    this.server = server;
    this.port = port;
    this.dataDir = dataDir;
  }

  /**
   * Formats the data directory if needed and starts the broker.
   *
   * @param dataDir where the log and metadata live; created if missing
   * @param port the client port on localhost, or 0 for a free one
   */
  public static EmbeddedBroker start(Path dataDir, int port) {
    long started = System.nanoTime();
    int clientPort = port == 0 ? freePort() : port;
    int controllerPort = freePort();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create broker data directory " + dataDir, e);
    }
    Properties props = serverProperties(dataDir, clientPort, controllerPort);
    format(dataDir, props);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
    EmbeddedBroker broker = new EmbeddedBroker(server, clientPort, dataDir);
    awaitReady(broker.bootstrapServers(), Duration.ofSeconds(60), () -> true, "the embedded broker");
    LOGGER.info(
        "embedded broker ready bootstrap={} dataDir={} startupMs={}",
        broker.bootstrapServers(),
        dataDir,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return broker;
  }

  /** The server settings of a single combined node; public so a child-process broker can share them. */
  public static Properties serverProperties(Path dataDir, int clientPort, int controllerPort) {
    Properties props = new Properties();
    props.putAll(
        Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", "1"),
            Map.entry(
                "listeners",
                "PLAINTEXT://localhost:" + clientPort + ",CONTROLLER://localhost:" + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + clientPort),
            Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
            Map.entry("controller.listener.names", "CONTROLLER"),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry("controller.quorum.bootstrap.servers", "localhost:" + controllerPort),
            Map.entry("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString()),
            Map.entry("num.partitions", "1"),
            // a single node cannot replicate: without these, groups and transactions wait forever
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "4"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "4"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("auto.create.topics.enable", "false"),
            Map.entry("log.cleaner.backoff.ms", "1000"),
            Map.entry("log.flush.interval.messages", Long.toString(Long.MAX_VALUE))));
    return props;
  }

  /**
   * Writes {@code server.properties} into the data directory and formats the storage once (the
   * cluster id is kept in {@code cluster.id}, so a restart on the same directory reuses it); public
   * so a child-process broker can start from the same files.
   *
   * @return the written {@code server.properties}
   */
  public static Path format(Path dataDir, Properties props) {
    Path config = dataDir.resolve("server.properties");
    Path clusterIdFile = dataDir.resolve("cluster.id");
    try {
      if (!Files.exists(clusterIdFile)) {
        Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
      }
      String clusterId = Files.readString(clusterIdFile).trim();
      try (OutputStream out = Files.newOutputStream(config)) {
        props.store(out, "written by EmbeddedBroker");
      }
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      int rc;
      try (PrintStream print = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
        rc =
            StorageTool.execute(
                new String[] {
                  "format", "-t", clusterId, "-c", config.toString(), "--standalone", "--ignore-formatted"
                },
                print);
      }
      if (rc != 0) {
        throw new IllegalStateException(
            "formatting broker storage failed (exit " + rc + "): " + captured.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare broker storage in " + dataDir, e);
    }
    return config;
  }

  /**
   * Waits until a broker at {@code bootstrapServers} lists a node. {@code alive} is asked after each
   * failed try, so a waiter on a child process fails at once when the process has exited instead of
   * at the deadline; {@code what} names the broker in the error.
   */
  public static void awaitReady(String bootstrapServers, Duration timeout, BooleanSupplier alive, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Object> conf =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(conf)) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          if (!alive.getAsBoolean()) {
            throw new IllegalStateException(what + " exited before it became ready", e);
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(what + " did not become ready within " + timeout, e);
          }
        }
        sleep(100);
      }
    }
  }

  /** {@code localhost:PORT}, for any Kafka client or tool. */
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Stops the broker and waits for it; the data directory stays. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    LOGGER.info("embedded broker stopped bootstrap={}", bootstrapServers());
  }

  /** A port that was free a moment ago on localhost. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on localhost", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    }
  }
}
