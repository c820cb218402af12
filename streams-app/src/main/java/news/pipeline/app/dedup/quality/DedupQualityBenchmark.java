package news.pipeline.app.dedup.quality;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;

/**
 * Builds the dedup quality set (seeds and, when present, the WCXB dev corpus), runs it through the
 * real parse, clean, enrich and dedup path in memory, and prints pairwise precision and recall per
 * kind and the hard negative false-merge rate.
 *
 * <pre>{@code
 * java -cp "streams-app/target/streams-app.jar:streams-app/target/lib/*" \
 *     news.pipeline.app.dedup.quality.DedupQualityBenchmark [corpusDir] [seedsDir]
 * }</pre>
 *
 * Defaults: {@code ../shared/corpus/wcxb-dev} and {@code seeds}, from the repository root. Without
 * the corpus folder it runs the seeds part and says the corpus part was skipped.
 */
public final class DedupQualityBenchmark {

  /** Fixed seed of every random choice in the set, and of the arrival order. */
  public static final long SEED = 20240603L;

  private DedupQualityBenchmark() {}

  public static void main(String[] args) {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/wcxb-dev");
    Path seeds = Path.of(args.length > 1 ? args[1] : "seeds");
    run(seeds, corpus, System.out);
  }

  /** Builds, runs and prints; returns the score. */
  public static QualityScore run(Path seeds, Path corpus, PrintStream out) {
    long started = System.nanoTime();
    QualitySet set = SeedQualitySet.build(seeds, SEED).plus(CorpusQualitySet.build(corpus, SEED));
    PipelineConfig.Dedup settings = ConfigLoader.load(null, java.util.Map.of(), java.util.Map.of()).orThrow().dedup();
    DedupRun.Result result = new DedupRun(settings).run(set, SEED);
    QualityScore score = PairwiseScorer.score(set.labels(), result.articleOf(), set.hardNegatives());
    out.printf(Locale.ROOT, "Dedup quality (seed %d, horizon %s, title >= %.2f, body >= %.2f)%n",
        SEED, settings.horizon(), settings.titleThreshold(), settings.bodyThreshold());
    QualityReport.print(out, set, result, score);
    out.printf(Locale.ROOT, "took %.1f s%n", (System.nanoTime() - started) / 1e9);
    return score;
  }
}
