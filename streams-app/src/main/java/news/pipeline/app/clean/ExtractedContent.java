package news.pipeline.app.clean;

import java.util.List;

/**
 * The main content of a page as paragraphs, plus counts the page classifier needs.
 *
 * @param paragraphs the main text, one entry per paragraph, in document order
 * @param pageTextLength characters of visible text on the whole page before pruning
 * @param pageLinkDensity share of the page's visible text inside links
 */
record ExtractedContent(List<String> paragraphs, int pageTextLength, double pageLinkDensity) {

  ExtractedContent {
    paragraphs = List.copyOf(paragraphs);
  }

  String text() {
    return String.join("\n\n", paragraphs);
  }

  /** Paragraphs long enough to be prose (80+ characters). */
  long proseParagraphs() {
    return paragraphs.stream().filter(p -> p.length() >= 80).count();
  }

  int textLength() {
    return paragraphs.stream().mapToInt(String::length).sum();
  }
}
