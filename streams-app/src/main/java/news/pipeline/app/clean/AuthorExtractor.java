package news.pipeline.app.clean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the authors of a page: JSON-LD Person names, then author meta tags, then byline nodes
 * ({@code rel=author}, {@code itemprop=author}, elements classed "byline" or "author").
 */
final class AuthorExtractor {

  private static final String BYLINE_QUERY = "[rel=author], [itemprop=author], .byline, .author,"
      + " .author-name, .byline-name, [class~=(?i)^(byline|author|article-author|post-author|"
      + "entry-author|author-name|c-byline)], [data-testid~=(?i)byline|author]";

  private AuthorExtractor() {}

  static List<String> authors(Document doc, JsonLd jsonLd) {
    JsonNode article = jsonLd.article();
    List<String> names = AuthorNames.merge(JsonLd.names(article, "author"));
    if (names.isEmpty()) {
      names = AuthorNames.merge(JsonLd.names(article, "creator"));
    }
    if (names.isEmpty()) {
      String meta = Meta.first(doc, "author", "article:author", "parsely-author", "sailthru.author",
          "dc.creator", "dcterms.creator", "byl", "citation_author", "twitter:creator");
      if (meta != null && !meta.matches("(?i)https?://.*") && !meta.startsWith("@")) {
        names = AuthorNames.split(meta);
      }
    }
    if (names.isEmpty()) {
      names = fromBylines(doc);
    }
    return names;
  }

  private static List<String> fromBylines(Document doc) {
    List<String> raws = new ArrayList<>();
    for (Element el : doc.select(BYLINE_QUERY)) {
      if (el.closest("aside, footer, nav, .comment, .comments, #comments") != null) {
        continue;
      }
      Element name = el.selectFirst("[itemprop=name]");
      String text = (name != null ? name : el).text();
      if (!text.isBlank() && text.length() <= 120) {
        raws.add(text);
      }
      if (raws.size() >= 4) {
        break;
      }
    }
    return AuthorNames.merge(raws);
  }
}
