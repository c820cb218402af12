package news.pipeline.benchmarks;

import java.util.List;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import news.pipeline.app.clean.AuthorNames;
import news.pipeline.app.clean.BenchmarkTally.Prediction;
import news.pipeline.app.clean.CorpusPage;

/**
 * Readability4J 1.0.8: text content, title and byline (cleaned into names with this project's
 * {@link AuthorNames}, to its benefit); no dates; not-an-article by the word-count proxy.
 */
final class ReadabilityExtractor implements Extractor {

  int failures;

  @Override
  public String name() {
    return "Readability4J 1.0.8";
  }

  @Override
  public boolean readsDates() {
    return false;
  }

  @Override
  public Prediction extract(CorpusPage page) {
    try {
      Article a = new Readability4J(page.url() == null ? "" : page.url(), page.html()).parse();
      String text = a.getTextContent() == null ? "" : a.getTextContent();
      List<String> authors = a.getByline() == null ? List.of() : AuthorNames.split(a.getByline());
      return new Prediction(text, a.getTitle(), authors, null, Extractor.proxyIsArticle(text));
    } catch (RuntimeException | StackOverflowError e) {
      failures++;
      return new Prediction("", null, List.of(), null, false);
    }
  }
}
