package news.pipeline.benchmarks.jmh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import news.pipeline.app.enrich.CandidateBuilder;
import news.pipeline.app.parse.DocumentParser;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventSerdes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link EventSerdes} on the two records every document crosses a topic as: the raw document
 * (a whole page) and the article candidate (clean text, URL keys, title tokens, signature).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SerdeBenchmark {

  private final AvroSerde<RawDocument> rawSerde = EventSerdes.rawDocument();
  private final AvroSerde<ArticleCandidate> candidateSerde = EventSerdes.articleCandidate();
  private RawDocument[] raws;
  private byte[][] rawBytes;
  private ArticleCandidate[] candidates;
  private byte[][] candidateBytes;
  private int next;

  @Setup
  public void load() {
    List<BenchPages.Page> pages = BenchPages.load(20);
    news.pipeline.app.config.PipelineConfig defaults =
        news.pipeline.app.config.ConfigLoader.load(null, java.util.Map.of(), java.util.Map.of()).orThrow();
    DocumentParser parser = new DocumentParser(defaults.maxDocumentBytes(), defaults.limits());
    CandidateBuilder builder = new CandidateBuilder(defaults.limits().maxTitleChars());
    raws = new RawDocument[pages.size()];
    rawBytes = new byte[pages.size()][];
    candidates = new ArticleCandidate[pages.size()];
    candidateBytes = new byte[pages.size()][];
    for (int i = 0; i < pages.size(); i++) {
      byte[] body = pages.get(i).html().getBytes(StandardCharsets.UTF_8);
      raws[i] = RawDocument.newBuilder()
          .setId("doc-" + i).setUrl(pages.get(i).url()).setContentType(ContentType.HTML).setCharset("utf-8")
          .setBody(ByteBuffer.wrap(body)).setFetchedAt(Instant.ofEpochMilli(1_700_000_000_000L)).setSource("jmh")
          .setHeaders(new LinkedHashMap<>()).setMetadata(new LinkedHashMap<>()).build();
      rawBytes[i] = rawSerde.encode(raws[i]);
      var result = parser.parse(raws[i]);
      candidates[i] = result.isRejected()
          ? builder.build(raws[0], 0, parser.parse(raws[0]).drafts().get(0))
          : builder.build(raws[i], 0, result.drafts().get(0));
      candidateBytes[i] = candidateSerde.encode(candidates[i]);
    }
  }

  @Benchmark
  public byte[] encodeRawDocument() {
    return rawSerde.encode(raws[next++ % raws.length]);
  }

  @Benchmark
  public RawDocument decodeRawDocument() {
    return rawSerde.decode(rawBytes[next++ % rawBytes.length]);
  }

  @Benchmark
  public byte[] encodeCandidate() {
    return candidateSerde.encode(candidates[next++ % candidates.length]);
  }

  @Benchmark
  public ArticleCandidate decodeCandidate() {
    return candidateSerde.decode(candidateBytes[next++ % candidateBytes.length]);
  }
}
