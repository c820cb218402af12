package news.pipeline.app.parse;

import java.util.List;
import news.pipeline.app.clean.CleanedPage;

/**
 * One article found in a raw document, before enrichment: the cleaned page, the topics a metadata
 * record gave, and the URLs it is known by (first the main one). A metadata record with related
 * articles gives one draft per article.
 */
public record ArticleDraft(CleanedPage page, List<String> urls, List<String> topics) {

  public ArticleDraft {
    urls = List.copyOf(urls);
    topics = List.copyOf(topics);
  }

  public boolean hasBody() {
    return page.text() != null && !page.text().isBlank();
  }
}
