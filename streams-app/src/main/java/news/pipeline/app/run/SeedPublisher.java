package news.pipeline.app.run;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.producer.publish.DocumentPublisher;
import news.pipeline.producer.publish.Summary;
import news.pipeline.producer.publish.PreparingSink;
import news.pipeline.producer.source.FileSource;

/** Publishes a file or folder of raw documents with the producer library, and waits for the acks. */
public final class SeedPublisher {

  private SeedPublisher() {}

  /** The producer's settings: the publisher's defaults, then the {@code kafka.*} pass-through. */
  public static Map<String, Object> producerSettings(PipelineConfig config) {
    return DocumentPublisher.producerConfig(
        config.bootstrapServers(), config.maxDocumentBytes(), new HashMap<>(config.kafka()));
  }

  public static Summary publish(PipelineConfig config, Path input) {
    try (DocumentPublisher publisher =
        new DocumentPublisher(
            new KafkaProducer<>(producerSettings(config)), config.topics().raw(), config.maxDocumentBytes())) {
      // the same path as `./pipeline publish`: documents prepared on workers, sent in input order
      try (PreparingSink sink =
          new PreparingSink(publisher, PreparingSink.defaultWorkers(), PreparingSink.Target.of(publisher))) {
        new FileSource(sink, config.maxDocumentBytes(), relative -> true).read(input);
      }
      publisher.flush();
      return publisher.summary();
    }
  }
}
