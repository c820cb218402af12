package news.pipeline.app.clean;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the main text of a parsed page: prunes boilerplate, scores candidate containers by
 * text density and link density, then renders the winner and its good siblings as paragraphs.
 * Changes the document it is given.
 */
final class ContentExtractor {

  private ContentExtractor() {}

  static ExtractedContent extract(Document doc, String title) {
    Element body = doc.body();
    if (body == null) {
      return new ExtractedContent(List.of(), 0, 0);
    }
    int pageTextLength = body.text().length();
    double pageLinkDensity = TextStats.linkDensity(body);
    DomPruner.prune(body);
    List<Element> chosen = new CandidateScorer().select(body);
    List<String> paragraphs = new TextRenderer(title).render(chosen);
    return new ExtractedContent(paragraphs, pageTextLength, pageLinkDensity);
  }
}
