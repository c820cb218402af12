package news.pipeline.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.Seeds;
import news.pipeline.producer.bench.PublishBenchmark;
import news.pipeline.producer.source.DocumentSink;
import news.pipeline.producer.source.FileSource;
import news.pipeline.producer.source.TestWarcs;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preparing on a pool changes nothing the broker or the operator sees, only who does the work. */
class PreparingSinkTest {

  @TempDir Path dir;

  @Test
  void sendsTheSameRecordsInTheSameOrderAsTheOneThreadPath() throws IOException {
    Path input = Files.createDirectories(dir.resolve("input"));
    PublishBenchmark.generate(input.resolve("a.jsonl"), 300, 7);
    Files.writeString(input.resolve("b.jsonl"), "{\"url\": \"https://example.com/x\", \"body\": \"<p>x</p>\"}\nnot json\n",
        StandardCharsets.UTF_8);
    TestWarcs.writeWithBrokenRecord(input.resolve("c.warc.gz"));
    Files.write(input.resolve("d.html"), "<html>".concat("x".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
    Files.copy(Seeds.file("000_fe0a48e181700552.txt"), input.resolve("e.txt"));
    long maxBytes = 4_000; // d.html and some generated pages are skipped as too large

    Run plain = new Run(maxBytes);
    new FileSource(plain.directSink(), maxBytes, relative -> true).read(input);
    Run pooled = new Run(maxBytes);
    try (PreparingSink sink = new PreparingSink(pooled.publisher, 4, PreparingSink.Target.of(pooled.publisher))) {
      new FileSource(sink, maxBytes, relative -> true).read(input);
    }

    assertThat(plain.producer.history()).hasSizeGreaterThan(100);
    assertThat(describe(pooled.producer.history())).containsExactlyElementsOf(describe(plain.producer.history()));
    Summary expected = plain.publisher.summary();
    Summary actual = pooled.publisher.summary();
    assertThat(expected.skipped()).isPositive();
    assertThat(expected.failed()).isEqualTo(2); // the bad JSON line and the broken WARC record
    assertThat(actual.sent()).isEqualTo(expected.sent());
    assertThat(actual.skipped()).isEqualTo(expected.skipped());
    assertThat(actual.failed()).isEqualTo(expected.failed());
    assertThat(actual.problems()).isEqualTo(expected.problems());
  }

  @Test
  void workThatThrowsIsAFailureOfItsInput() {
    Run run = new Run(1_000_000);
    try (PreparingSink sink = new PreparingSink(run.publisher, 2, PreparingSink.Target.of(run.publisher))) {
      sink.later("file:bad", to -> {
        throw new IllegalStateException("boom");
      });
    }
    assertThat(run.publisher.summary().failed()).isEqualTo(1);
    assertThat(run.publisher.summary().problems()).singleElement().asString().contains("file:bad").contains("boom");
  }

  private static List<String> describe(List<ProducerRecord<String, byte[]>> records) {
    List<String> lines = new ArrayList<>();
    for (ProducerRecord<String, byte[]> r : records) {
      lines.add(r.key() + " " + r.timestamp() + " " + java.util.HexFormat.of().formatHex(sha(r.value())));
    }
    return lines;
  }

  private static byte[] sha(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Run {
    final MockProducer<String, byte[]> producer =
        new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    final DocumentPublisher publisher;

    Run(long maxBytes) {
      publisher = new DocumentPublisher(producer, "raw", maxBytes);
    }

    DocumentSink directSink() {
      return new DocumentSink() {
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
    }
  }
}
