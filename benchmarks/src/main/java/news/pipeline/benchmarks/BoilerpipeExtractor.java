package news.pipeline.benchmarks;

import de.l3s.boilerpipe.BoilerpipeProcessingException;
import de.l3s.boilerpipe.document.TextDocument;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import de.l3s.boilerpipe.sax.BoilerpipeSAXInput;
import java.io.StringReader;
import news.pipeline.app.clean.BenchmarkTally.Prediction;
import news.pipeline.app.clean.CorpusPage;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * boilerpipe 1.2.2 {@code ArticleExtractor}: content blocks and the {@code <title>} it reads; no
 * authors or dates; not-an-article by the word-count proxy.
 */
final class BoilerpipeExtractor implements Extractor {

  int failures;

  @Override
  public String name() {
    return "boilerpipe 1.2.2 ArticleExtractor";
  }

  @Override
  public boolean readsDates() {
    return false;
  }

  @Override
  public Prediction extract(CorpusPage page) {
    try {
      TextDocument doc =
          new BoilerpipeSAXInput(new InputSource(new StringReader(page.html()))).getTextDocument();
      ArticleExtractor.INSTANCE.process(doc);
      String text = doc.getContent() == null ? "" : doc.getContent();
      return new Prediction(text, doc.getTitle(), null, null, Extractor.proxyIsArticle(text));
    } catch (BoilerpipeProcessingException | SAXException | RuntimeException
        | StackOverflowError e) {
      failures++;
      return new Prediction("", null, null, null, false);
    }
  }
}
