package news.pipeline.app.clean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Finds the authors of a page: JSON-LD Person names (references into the graph resolved), then
 * author meta tags, then byline nodes ({@code rel=author}, {@code itemprop=author}, elements
 * classed "byline" or "author"), then links to author pages. A source whose only names are the
 * site's own name gives way to the next.
 */
final class AuthorExtractor {

  private static final String BYLINE_QUERY = "[rel=author], [itemprop=author], .byline, .author,"
      + " .author-name, .byline-name, [class~=(?i)^(byline|author|article-author|post-author|"
      + "entry-author|author-name|c-byline)], [data-testid~=(?i)byline|author]";
  /** Class names ending in "author", "byline" or "author-name" ("post-hero__author", "the-author"). */
  private static final String AUTHOR_CLASS_QUERY =
      "[class~=(?i)(^|\\s)[\\w-]*[_-](author|byline)([_-]+name)?(\\s|$)]";
  private static final String AUTHOR_LINK_QUERY =
      "a[href~=(?i)/(author|authors|autor|auteur|writers?|profile|people|staff)/[^/?#]+/?$]";

  private static final Pattern BY_PREFIX = Pattern.compile("(?i)^(?:written |posted )?by:?\\s*");
  private static final Pattern BY = Pattern.compile("(?i)(?:written |posted |reported )?by\\b");
  /** "By" and a capitalised name. */
  private static final Pattern BY_NAME = Pattern.compile(
      "(?i:(?:written |posted |reported )?by)[:\\s]+\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*)+");

  private AuthorExtractor() {}

  static List<String> authors(Document doc, JsonLd jsonLd, String siteName) {
    JsonNode article = jsonLd.article();
    List<List<String>> sources = new ArrayList<>();
    sources.add(AuthorNames.merge(jsonLd.personNames(article, "author")));
    sources.add(AuthorNames.merge(jsonLd.personNames(article, "creator")));
    for (JsonNode node : jsonLd.nodes()) {
      sources.add(AuthorNames.merge(jsonLd.personNames(node, "author")));
    }
    String meta = Meta.first(doc, "author", "article:author", "parsely-author", "sailthru.author",
        "dc.creator", "dcterms.creator", "byl", "citation_author", "twitter:creator");
    if (meta != null && !meta.matches("(?i)https?://.*") && !meta.startsWith("@")) {
      sources.add(AuthorNames.split(meta));
    }
    // link-preview labels: twitter:label1 "Written by", twitter:data1 "Jane Doe"
    String label = Meta.first(doc, "twitter:label1");
    if (label != null && label.matches("(?i)(written )?by|authors?|written by")) {
      sources.add(AuthorNames.split(Meta.first(doc, "twitter:data1")));
    }
    // later sources are read only when the earlier ones gave nothing, or only the site's name
    List<String> siteOnly = null;
    for (int i = 0; i < sources.size() + 4; i++) {
      List<String> names = i < sources.size() ? sources.get(i)
          : i == sources.size() ? fromNodes(doc, BYLINE_QUERY)
          : i == sources.size() + 1 ? fromTextByline(doc)
          : i == sources.size() + 2 ? fromNodes(doc, AUTHOR_CLASS_QUERY)
          : fromNodes(doc, AUTHOR_LINK_QUERY);
      if (names.isEmpty()) {
        continue;
      }
      List<String> people = notSite(names, siteName);
      if (!people.isEmpty()) {
        return people;
      }
      if (siteOnly == null) {
        siteOnly = names;
      }
    }
    return siteOnly == null ? List.of() : siteOnly;
  }

  /** Drops names that are the site's (an organisation credited as author). */
  private static List<String> notSite(List<String> names, String siteName) {
    if (siteName == null || names.isEmpty()) {
      return names;
    }
    String site = TitleCleaner.norm(siteName).replace(" ", "");
    List<String> out = new ArrayList<>(names);
    out.removeIf(n -> {
      String x = TitleCleaner.norm(n).replaceFirst("^the ", "").replace(" ", "");
      return x.equals(site) || site.startsWith(x + ".") || x.length() > 3 && site.contains(x);
    });
    return out;
  }

  /** The first short "By Jane Doe" line of the page, outside navigation, footers and comments. */
  private static List<String> fromTextByline(Document doc) {
    if (doc.body() == null) {
      return List.of();
    }
    for (TextNode t : doc.body().select("*").textNodes()) {
      String own = t.text().strip();
      if (!BY.matcher(own).lookingAt()) {
        continue;
      }
      Element parent = (Element) t.parent();
      String text = parent.text().strip();
      if (text.length() < 4 && parent.parent() != null) {
        parent = parent.parent();
        text = parent.text().strip();
      }
      // "Written by" in one element, the name in the next
      if (text.matches("(?i)(?:written |posted |reported )?by:?") && parent.nextElementSibling() != null) {
        text = text + " " + parent.nextElementSibling().text().strip();
      }
      if (text.length() > 100 || !BY_NAME.matcher(text).lookingAt()
          || parent.closest("nav, footer, aside, .comment, .comments, #comments") != null) {
        continue;
      }
      List<String> names = AuthorNames.split(text);
      if (!names.isEmpty()) {
        return names;
      }
    }
    return List.of();
  }

  private static List<String> fromNodes(Document doc, String query) {
    List<String> raws = new ArrayList<>();
    Element scope = null;
    for (Element el : doc.select(query)) {
      if (el.closest("aside, footer, nav, .comment, .comments, #comments") != null) {
        continue;
      }
      // several names come from one byline; bylines elsewhere belong to other stories
      if (scope != null && !inside(el, scope)) {
        break;
      }
      Element name = el.selectFirst("[itemprop=name]");
      String text = (name != null ? name : el).text();
      if (text.length() > 120) {
        // a byline block with the author's bio ("By Jane Doe Jane Doe has written..."): the name
        // is the link the block opens with
        Element link = el.selectFirst("a[href]");
        String opening = BY_PREFIX.matcher(text).replaceFirst("");
        if (link != null && !link.text().isBlank() && opening.startsWith(link.text())) {
          text = link.text();
        }
      }
      if (!text.isBlank() && text.length() <= 120) {
        raws.add(text);
        if (scope == null) {
          scope = bylineScope(el);
        }
      }
      if (raws.size() >= 4) {
        break;
      }
    }
    return AuthorNames.merge(raws);
  }

  private static boolean inside(Element el, Element scope) {
    for (Element e = el; e != null; e = e.parent()) {
      if (e == scope) {
        return true;
      }
    }
    return false;
  }

  /** The byline's container: two levels above the first name. */
  private static Element bylineScope(Element el) {
    Element scope = el;
    for (int i = 0; i < 2 && scope.parent() != null; i++) {
      scope = scope.parent();
    }
    return scope;
  }
}
