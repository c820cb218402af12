package news.pipeline.benchmarks;

import news.pipeline.app.clean.BenchmarkTally.Prediction;
import news.pipeline.app.clean.CorpusPage;

/** One article extractor under comparison: a name and what it makes of one page. */
interface Extractor {

  String name();

  /** Whether the extractor gives publication dates at all (else its dates are n/a). */
  boolean readsDates();

  /** Extracts one page; never throws (a failure is an empty prediction). */
  Prediction extract(CorpusPage page);

  /**
   * The not-an-article proxy for extractors that have no such flag: fewer words of main text
   * than a short news item has. Stated in the README; scored on article pages too, so a proxy
   * that flags everything does not look good.
   */
  int PROXY_MIN_WORDS = 100;

  static boolean proxyIsArticle(String text) {
    return text != null && text.split("\\s+").length >= PROXY_MIN_WORDS;
  }
}
