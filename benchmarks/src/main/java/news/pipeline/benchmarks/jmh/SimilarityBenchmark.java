package news.pipeline.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import news.pipeline.app.clean.HtmlCleaner;
import news.pipeline.app.dedup.similarity.BandKeys;
import news.pipeline.app.dedup.similarity.DedupThresholds;
import news.pipeline.app.dedup.similarity.MinHasher;
import news.pipeline.app.dedup.similarity.Shingles;
import news.pipeline.app.dedup.similarity.TitleNormalizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The dedup similarity cores on cleaned article text: the body's MinHash signature (5-word
 * shingles then 57 hash functions), the LSH band keys of a signature, the title's band keys, and
 * the signature comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SimilarityBenchmark {

  private static final MinHasher BODY_HASHER =
      new MinHasher(DedupThresholds.BODY_LSH.numHashes(), DedupThresholds.MINHASH_SEED);

  private String[] texts;
  private List<String>[] titleTokens;
  private int[][] signatures;
  private int next;

  @Setup
  @SuppressWarnings("unchecked")
  public void load() {
    List<BenchPages.Page> pages = BenchPages.load(20);
    HtmlCleaner cleaner = new HtmlCleaner();
    texts = new String[pages.size()];
    titleTokens = new List[pages.size()];
    signatures = new int[pages.size()][];
    for (int i = 0; i < pages.size(); i++) {
      var page = cleaner.clean(pages.get(i).html(), pages.get(i).url());
      texts[i] = page.text() == null ? "" : page.text();
      titleTokens[i] = TitleNormalizer.normalize(page.title() == null ? "untitled page" : page.title(), null).tokens();
      signatures[i] = BandKeys.bodySignature(texts[i]);
      if (signatures[i].length == 0) {
        signatures[i] = BandKeys.bodySignature(String.join(" ", java.util.Collections.nCopies(60, "filler text")));
      }
    }
  }

  @Benchmark
  public int[] bodySignature() {
    return BandKeys.bodySignature(texts[next++ % texts.length]);
  }

  /** The signature by its definition: the set of shingle strings, then MinHash (the path before the profile fix). */
  @Benchmark
  public int[] bodySignatureFromShingleSet() {
    String text = texts[next++ % texts.length];
    return Shingles.tokens(text).size() < DedupThresholds.BODY_MIN_WORDS
        ? new int[0] : BODY_HASHER.signature(BandKeys.bodyFeatures(text));
  }

  @Benchmark
  public List<String> bodyBandKeys() {
    return BandKeys.body(signatures[next++ % signatures.length]);
  }

  @Benchmark
  public List<String> titleBandKeys() {
    return BandKeys.title(titleTokens[next++ % titleTokens.length], true);
  }

  @Benchmark
  public double estimate() {
    int i = next++;
    return MinHasher.estimate(signatures[i % signatures.length], signatures[(i + 1) % signatures.length]);
  }
}
