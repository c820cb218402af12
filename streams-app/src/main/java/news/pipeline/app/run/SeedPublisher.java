package news.pipeline.app.run;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.publish.DocumentPublisher;
import news.pipeline.producer.publish.Summary;
import news.pipeline.producer.source.DocumentSink;
import news.pipeline.producer.source.FileSource;

/** Publishes a file or folder of raw documents with the producer library, and waits for the acks. */
public final class SeedPublisher {

  private SeedPublisher() {}

  public static Summary publish(PipelineConfig config, Path input) {
    Map<String, Object> extra = new HashMap<>(config.kafka());
    try (DocumentPublisher publisher =
        new DocumentPublisher(config.bootstrapServers(), config.topics().raw(), config.maxDocumentBytes(), extra)) {
      DocumentSink sink =
          new DocumentSink() {
            @Override
            public void accept(RawDocument document) {
              publisher.publish(document);
            }

            @Override
            public void skip(String where, String reason) {
              publisher.skip(where, reason);
            }

            @Override
            public void fail(String where, String reason) {
              publisher.fail(where, reason);
            }
          };
      new FileSource(sink, config.maxDocumentBytes(), relative -> true).read(input);
      publisher.flush();
      return publisher.summary();
    }
  }
}
