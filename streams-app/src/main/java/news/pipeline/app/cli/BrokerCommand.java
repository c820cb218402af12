package news.pipeline.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineHome;
import news.pipeline.app.run.TopicSetup;
import news.pipeline.broker.EmbeddedBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./pipeline broker}: a real single-node KRaft broker on a fixed port, until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = "Runs an embedded single-node Kafka broker (KRaft) for local work with any Kafka tool, until stopped.")
final class BrokerCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "9092", description = "Client port on localhost (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", defaultValue = PipelineHome.HOME_VARIABLE + "/data/broker",
      description = "Log and metadata directory, kept across restarts (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--no-topics", description = "Do not create the pipeline's topics.")
  boolean noTopics;

  @Override
  public Integer call() throws InterruptedException {
    EmbeddedBroker broker = EmbeddedBroker.start(dataDir, port);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      broker.close();
      stop.countDown();
    }, "broker-shutdown"));
    if (!noTopics) {
      TopicSetup.ensureTopics(ConfigLoader.fromEnvironment().withBootstrapServers(broker.bootstrapServers()));
    }
    System.out.println("broker ready at " + broker.bootstrapServers() + " (data in " + dataDir + "); Ctrl-C stops it");
    stop.await();
    return 0;
  }
}
