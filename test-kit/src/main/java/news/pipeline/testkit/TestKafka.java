package news.pipeline.testkit;

import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node KRaft cluster (combined broker and controller) from Kafka's test kit, on
 * ephemeral ports, for the integration tests of every module. The kit is an internal Kafka API;
 * this class is the only place that uses it, so only this class changes when it does.
 *
 * <pre>{@code
 * try (TestKafka kafka = TestKafka.start()) {
 *   String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 *
 * <p>Topics are not created on first use: a test creates the topics it needs.
 */
public final class TestKafka implements AutoCloseable {

  /** A single node cannot replicate: without these, groups and transactions wait forever. */
  private static final Map<String, String> SINGLE_NODE =
      Map.of(
          "offsets.topic.replication.factor", "1",
          "offsets.topic.num.partitions", "4",
          "transaction.state.log.replication.factor", "1",
          "transaction.state.log.min.isr", "1",
          "transaction.state.log.num.partitions", "4",
          "share.coordinator.state.topic.replication.factor", "1",
          "share.coordinator.state.topic.min.isr", "1",
          "group.initial.rebalance.delay.ms", "0",
          "auto.create.topics.enable", "false");

  private final KafkaClusterTestKit cluster;

  private TestKafka(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  /** Formats, starts and waits for a one-node cluster; 2 to 3 s. */
  public static TestKafka start() throws Exception {
    KafkaClusterTestKit.Builder builder =
        new KafkaClusterTestKit.Builder(
            new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                // without it the kit bootstraps an unreleased metadata version
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build());
    SINGLE_NODE.forEach(builder::setConfigProp);
    KafkaClusterTestKit cluster = builder.build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    return new TestKafka(cluster);
  }

  /** {@code host:port} of the broker's client listener. */
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
