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

  /** Below this many characters of text a first extraction is retried more leniently. */
  private static final int MIN_TEXT = 250;

  private ContentExtractor() {}

  static ExtractedContent extract(Document doc, String title) {
    Element body = doc.body();
    if (body == null) {
      return new ExtractedContent(List.of(), 0, 0);
    }
    TextIndex page = TextIndex.ofRoot(body);
    int pageTextLength = page.textLength(body);
    double pageLinkDensity = page.linkDensity(body);
    Element backup = body.clone();
    List<String> paragraphs = extract(body, title, true);
    int length = paragraphs.stream().mapToInt(String::length).sum();
    int prose = page.proseLength(body); // the backup is an unchanged copy of the body
    if (length < MIN_TEXT || length < prose / 4) {
      // the name-based pruning took the article with it: retry without it, keep the longer text
      List<String> lenient = extract(backup, title, false);
      if (lenient.stream().mapToInt(String::length).sum() > length) {
        paragraphs = lenient;
      }
    }
    return new ExtractedContent(paragraphs, pageTextLength, pageLinkDensity);
  }

  private static List<String> extract(Element body, String title, boolean pruneByName) {
    DomPruner.prune(body, pruneByName);
    // the tree does not change from here on: one index serves scoring and rendering; it covers
    // the whole document, as the scorer may weigh the body's ancestors too
    Element root = body;
    while (root.parent() != null) {
      root = root.parent();
    }
    TextIndex index = TextIndex.of(root);
    List<Element> chosen = new CandidateScorer(index).select(body);
    return new TextRenderer(title, index).render(chosen);
  }
}
