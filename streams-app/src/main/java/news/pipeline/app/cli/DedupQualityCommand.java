package news.pipeline.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import news.pipeline.app.config.PipelineHome;
import news.pipeline.app.dedup.quality.DedupQualityBenchmark;
import news.pipeline.app.dedup.quality.DedupStateSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./pipeline dedup-quality}: the dedup quality set, scored; optionally the state size. */
@Command(name = "dedup-quality", mixinStandardHelpOptions = true,
    description = {
      "Builds the labeled dedup quality set (seeds, plus WCXB dev articles when the corpus is there),",
      "runs parse, clean, enrich and dedup over it in memory, and prints pairwise precision and recall per kind."
    })
final class DedupQualityCommand implements Callable<Integer> {

  @Option(names = "--corpus", paramLabel = "DIR", defaultValue = PipelineHome.HOME_VARIABLE + "/../shared/corpus/wcxb-dev",
      description = "WCXB dev folder (html/, ground-truth/); skipped with a message when absent (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(names = "--seeds", paramLabel = "DIR", defaultValue = PipelineHome.HOME_VARIABLE + "/seeds", description = "Seeds folder (default: ${DEFAULT-VALUE}).")
  Path seeds;

  @Option(names = "--state-size", paramLabel = "N",
      description = "Instead, feed N candidates from the corpus and print dedup state bytes per remembered document.")
  Integer stateSizeDocuments;

  @Override
  public Integer call() throws Exception {
    if (stateSizeDocuments != null) {
      DedupStateSize.main(new String[] {corpus.toString(), Integer.toString(stateSizeDocuments)});
    } else {
      DedupQualityBenchmark.run(seeds, corpus, System.out);
    }
    return 0;
  }
}
