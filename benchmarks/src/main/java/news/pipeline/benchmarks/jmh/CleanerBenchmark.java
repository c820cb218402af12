package news.pipeline.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import news.pipeline.app.clean.CleanedPage;
import news.pipeline.app.clean.HtmlCleaner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@link HtmlCleaner#clean} on real pages, one page per call, cycling over the set. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CleanerBenchmark {

  private final HtmlCleaner cleaner = new HtmlCleaner();
  private List<BenchPages.Page> pages;
  private int next;

  @Setup
  public void load() {
    pages = BenchPages.load(20);
  }

  @Benchmark
  public CleanedPage clean() {
    BenchPages.Page page = pages.get(next++ % pages.size());
    return cleaner.clean(page.html(), page.url());
  }
}
