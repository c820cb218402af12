package news.pipeline.benchmarks;

import news.pipeline.app.clean.BenchmarkTally.Prediction;
import news.pipeline.app.clean.CorpusPage;
import news.pipeline.app.clean.HtmlCleaner;
import news.pipeline.app.clean.QualityBenchmark;

/** This project's {@link HtmlCleaner}: text, title, authors, the page's own date, isArticle. */
final class HtmlCleanerExtractor implements Extractor {

  private final HtmlCleaner cleaner = new HtmlCleaner();

  @Override
  public String name() {
    return "HtmlCleaner (this project)";
  }

  @Override
  public boolean readsDates() {
    return true;
  }

  @Override
  public Prediction extract(CorpusPage page) {
    return QualityBenchmark.prediction(cleaner.clean(page.html(), page.url()));
  }
}
