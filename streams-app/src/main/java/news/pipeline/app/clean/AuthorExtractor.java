package news.pipeline.app.clean;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;

/**
 * Finds the authors of a page: JSON-LD Person names (references into the graph resolved), then
 * author meta tags (every {@code citation_author}), then byline nodes ({@code rel=author},
 * {@code itemprop=author}, elements classed "byline" or "author"), then a short "By ..." line or
 * the element after a "By" label, then links to author pages, then byline nodes and "By" lines
 * in an aside beside the text, and last an author tag's value kept as written ("Staff Clinician"). A source
 * whose only names are the site's own name gives way to the next.
 */
final class AuthorExtractor {

  /** Bylines; each alternative needs "author" or "byline" in a class, rel, itemprop or data-testid. */
  static final Evaluator BYLINE_QUERY = PageElements.query("[rel=author], [itemprop=author], .byline,"
      + " .author, .author-name, .byline-name, [class~=(?i)^(byline|author|article-author|post-author|"
      + "entry-author|author-name|c-byline)], [data-testid~=(?i)byline|author]");
  /**
   * Class names ending in "author", "byline" or "author-name" ("post-hero__author", "the-author"),
   * and the name inside an author box or card ("elementor-author-box__name", "author-card-name").
   */
  static final Evaluator AUTHOR_CLASS_QUERY =
      PageElements.query("[class~=(?i)(^|\\s)[\\w-]*[_-](author|byline)([_-]+(box|card)[_-]+name|[_-]+name)?(\\s|$)]");
  /**
   * True of every element the two queries above select, and a cheaper test ({@link
   * #namesAuthorOrByline}); one object, so the elements it holds for are listed once a page.
   */
  static final Predicate<Element> NAMES_AUTHOR_OR_BYLINE = AuthorExtractor::namesAuthorOrByline;
  /** The attributes {@link #BYLINE_QUERY} and {@link #AUTHOR_CLASS_QUERY} read. */
  private static final String[] BYLINE_ATTRIBUTES = {"class", "rel", "itemprop", "data-testid"};
  private static final Evaluator AUTHOR_LINK_QUERY = PageElements.query(
      "a[href~=(?i)/(author|authors|autor|auteur|writers?|profile|people|staff)/[^/?#]+/?$]");
  private static final Evaluator ITEMPROP_NAME = PageElements.query("[itemprop=name]");
  private static final Evaluator LINK = PageElements.query("a[href]");
  private static final Evaluator CODE = PageElements.query("code, pre");
  private static final Evaluator ASIDE = PageElements.query("aside");
  private static final Evaluator ARTICLE = PageElements.query("article");

  private static final Pattern BY_PREFIX = Pattern.compile("(?i)^(?:written |posted )?by:?\\s*");
  private static final Pattern BY = Pattern.compile("(?i)(?:written |posted |reported )?by\\b");
  /** "By" and a capitalised name: two words or more, or one before "at" or "on" ("by David at"). */
  private static final Pattern BY_NAME = Pattern.compile(
      "(?i:(?:written |posted |reported )?by)[:\\s]+\\p{Lu}[\\p{L}.'’-]*"
          + "(?:(?:\\s+\\p{Lu}[\\p{L}.'’-]*)+|(?=\\s+(?i:at|on)\\s))");
  /** A byline is a short line; a "by" in longer text credits something else (a book, a quote). */
  private static final int MAX_BYLINE = 100;
  /** BY and BY_LABEL need their "by" to start within this many characters of a line's start. */
  private static final int NEAR_START = 12;
  /** A field label for the author, the name in the element after it ("Author", "Authors:"). */
  private static final Pattern AUTHOR_LABEL = Pattern.compile("(?i)(?:the )?authors?\\s*:?");
  /** A byline label alone, the name in the element after it ("By", "Written by:", "Article by:"). */
  private static final Pattern BY_LABEL = Pattern.compile(
      "(?i)(?:(?:written|posted|reported|article|story|words|text)\\s+)?by\\s*:?");
  private static final Evaluator ELSEWHERE =
      PageElements.query("aside, footer, nav, .comment, .comments, #comments");
  /**
   * Byline nodes and "By" lines may sit in an aside beside the text (a "meta" column); read there
   * when none is found elsewhere.
   */
  private static final Evaluator ELSEWHERE_BUT_ASIDES =
      PageElements.query("footer, nav, .comment, .comments, #comments");
  /** A short credit kept as the page wrote it when no name can be read from it ("Staff Clinician"). */
  private static final Pattern PLAIN_CREDIT = Pattern.compile("[\\p{L}\\d][\\p{L}\\d.'’&-]*(?: [\\p{L}\\d][\\p{L}\\d.'’&-]*){0,3}");

  /**
   * A template's field left unfilled in an author tag, a dotted path to an author or name
   * ("page.head.extra.author", "post.author.name"): no credit. A user name with a dot
   * ("b.scherer") is one.
   */
  private static final Pattern TEMPLATE_FIELD =
      Pattern.compile("(?i)\\w\\.(?:\\w+\\.)*(?:author|name|byline|creator)\\b");

  private AuthorExtractor() {}

  static List<String> authors(Document doc, JsonLd jsonLd, String siteName) {
    JsonNode article = jsonLd.article();
    // later sources are read only when the earlier ones gave nothing, or only the site's name
    List<Supplier<List<String>>> sources = new ArrayList<>();
    sources.add(() -> AuthorNames.merge(jsonLd.personNames(article, "author")));
    sources.add(() -> AuthorNames.merge(jsonLd.personNames(article, "creator")));
    for (JsonNode node : jsonLd.nodes()) {
      sources.add(() -> AuthorNames.merge(jsonLd.personNames(node, "author")));
    }
    List<String> plainCredits = new ArrayList<>();
    List<String> meta = fromMeta(doc, plainCredits);
    sources.add(() -> meta);
    // link-preview labels: twitter:label1 "Written by", twitter:data1 "Jane Doe"; the byline may be
    // any of the pairs ("Est. reading time" often comes first)
    for (int i = 1; i <= 4; i++) {
      String label = Meta.first(doc, "twitter:label" + i);
      if (label != null && label.matches("(?i)(written )?by|authors?|written by")) {
        String data = Meta.first(doc, "twitter:data" + i);
        sources.add(() -> AuthorNames.split(data));
        plainCredits.add(data);
        break;
      }
    }
    sources.add(() -> fromNodes(doc, BYLINE_QUERY, NAMES_AUTHOR_OR_BYLINE, ELSEWHERE));
    sources.add(() -> fromTextByline(doc.body(), ELSEWHERE));
    sources.add(() -> fromNodes(doc, AUTHOR_CLASS_QUERY, NAMES_AUTHOR_OR_BYLINE, ELSEWHERE));
    sources.add(() -> fromNodes(doc, AUTHOR_LINK_QUERY, null, ELSEWHERE));
    sources.add(() -> inAsides(doc));
    sources.add(() -> plainCredit(plainCredits));
    List<String> siteOnly = null;
    for (Supplier<List<String>> source : sources) {
      List<String> names = source.get();
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

  /**
   * The author meta tags, first key present wins; scholarly {@code citation_author} tags, one per
   * author and written "Last, First", are all read and turned round. A value no name can be read
   * from goes to {@code plainCredits}.
   */
  private static List<String> fromMeta(Document doc, List<String> plainCredits) {
    for (String key : new String[] {"author", "article:author", "parsely-author", "sailthru.author",
        "cxenseparse:author", "citation_author", "citation_authors", "dc.creator",
        "dcterms.creator", "byl", "twitter:creator"}) {
      List<String> values = Meta.all(doc, key);
      values.removeIf(v -> v.matches("(?i)https?://.*") || v.startsWith("@")
          // a Twitter handle, not a name, unless it has a space
          || key.equals("twitter:creator") && !v.contains(" "));
      if (values.isEmpty()) {
        continue;
      }
      if (!key.startsWith("citation_")) {
        plainCredits.add(values.get(0));
        return AuthorNames.split(values.get(0));
      }
      List<String> raws = new ArrayList<>();
      for (String v : values) {
        raws.add(v.matches("[^,]+,[^,]+") ? v.replaceFirst("^([^,]+),\\s*(.+)$", "$2 $1") : v);
      }
      return AuthorNames.merge(raws);
    }
    return List.of();
  }

  /**
   * The last resort: an author tag's short value kept as written when no name could be read from
   * it ("Staff Clinician", "98 Buck Social"), as it is still the page's own credit.
   */
  private static List<String> plainCredit(List<String> credits) {
    for (String c : credits) {
      String credit = c == null ? "" : c.replaceAll("\\s+", " ").strip();
      // a CMS's default account is no credit
      if (PLAIN_CREDIT.matcher(credit).matches() && credit.length() <= 40
          && credit.chars().anyMatch(Character::isLetter)
          && !credit.matches("(?i)admin|administrator|user|editor|\\d+")
          && !TEMPLATE_FIELD.matcher(credit).find()) {
        return List.of(credit);
      }
    }
    return List.of();
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

  /**
   * Byline nodes, then a "By" line, inside the page's asides: only the asides are walked, since
   * most pages that get this far have no byline at all.
   */
  private static List<String> inAsides(Document doc) {
    Elements asides = PageElements.select(doc, ASIDE);
    for (Element aside : asides) {
      List<String> names = fromNodes(aside, BYLINE_QUERY, null, ELSEWHERE_BUT_ASIDES);
      if (!names.isEmpty()) {
        return names;
      }
    }
    for (Element aside : asides) {
      List<String> names = fromTextByline(aside, ELSEWHERE_BUT_ASIDES);
      if (!names.isEmpty()) {
        return names;
      }
    }
    return List.of();
  }

  /** The first short "By Jane Doe" line of the page, outside navigation, footers and comments. */
  private static List<String> fromTextByline(Element root, Evaluator elsewhere) {
    if (root == null) {
      return List.of();
    }
    for (TextNode t : PageElements.elements(root).textNodes()) {
      String whole = t.getWholeText();
      // the containment test first: this runs on every text node of the page
      if (whole.length() <= 40 && TextStats.containsIgnoreCase(whole, "author")
          && AUTHOR_LABEL.matcher(whole.strip()).matches()) {
        // a field label ("<h3>Author</h3><p>Jane Doe</p>"): the name is the element after it, and
        // is all that element says and is capitalised (not a link in a menu, not "find posts by
        // user name", not a search syntax's "author:<i>username</i>")
        Element field = ((Element) t.parent()).closest(LINK) != null ? null : fieldAfterLabel(t);
        List<String> names = namesIn(field, elsewhere);
        String value = field == null ? "" : field.text().strip();
        if (!names.isEmpty() && !value.equals(value.toLowerCase(Locale.ROOT))
            && value.toLowerCase(Locale.ROOT).startsWith(names.get(0).toLowerCase(Locale.ROOT))) {
          return names;
        }
        continue;
      }
      if (!byStartsBefore(whole, whole.length())) {
        continue; // without "by" anywhere, its normalized text has none near the start either
      }
      String own = t.text().strip();
      if (!byStartsBefore(own, NEAR_START)) {
        // the regexes below run on thousands of text nodes a page; most have no early "by"
        continue;
      }
      if (BY_LABEL.matcher(own).matches()) {
        // "By <a>BeauHD</a>", "<span>By</span><span>Daryl Austin</span>": the name is the next
        // element, one word is enough since the markup marks where it ends
        List<String> names = namesIn(fieldAfterLabel(t), elsewhere);
        if (!names.isEmpty()) {
          return names;
        }
      }
      if (!BY.matcher(own).lookingAt()) {
        continue;
      }
      Element parent = (Element) t.parent();
      String text = parent.text().strip();
      int at = text.indexOf(own);
      if (at > 0 && text.length() <= MAX_BYLINE && BY_NAME.matcher(own).lookingAt()
          && DateParser.parseTextOffset(text.substring(0, at)).isPresent()) {
        // "03/01/2017 by Jane Doe": a date, then the byline, in one element
        text = own;
      }
      if (text.length() < 4 && parent.parent() != null) {
        parent = parent.parent();
        text = parent.text().strip();
      }
      // "Written by" in one element, the name in the next
      if (text.matches("(?i)(?:written |posted |reported )?by:?") && parent.nextElementSibling() != null) {
        text = text + " " + parent.nextElementSibling().text().strip();
      }
      if (text.length() > MAX_BYLINE || !BY_NAME.matcher(text).lookingAt()
          || isElsewhere(parent, elsewhere)) {
        continue;
      }
      List<String> names = AuthorNames.split(text);
      if (!names.isEmpty()) {
        return names;
      }
    }
    return List.of();
  }

  /** The element after a byline or field label ({@link #elementAfterLabel}); null for a label in code. */
  private static Element fieldAfterLabel(TextNode label) {
    if (label.parent() == null || ((Element) label.parent()).closest(CODE) != null) {
      return null;
    }
    return elementAfterLabel(label);
  }

  /** The names in the element after a label, when it is short and where a byline can be. */
  private static List<String> namesIn(Element name, Evaluator elsewhere) {
    if (name != null && name.text().length() <= 60 && !isElsewhere(name, elsewhere)
        && name.parent() != null && name.parent().text().length() <= MAX_BYLINE) {
      List<String> names = AuthorNames.split(name.text());
      names.removeIf(n -> n.length() < 2);
      return names;
    }
    return List.of();
  }

  /** Whether "by" (any case) starts before index {@code limit} of {@code s}. */
  private static boolean byStartsBefore(String s, int limit) {
    int end = Math.min(s.length() - 1, limit);
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      char d = s.charAt(i + 1);
      if ((c == 'b' || c == 'B') && (d == 'y' || d == 'Y')) {
        return true;
      }
    }
    return false;
  }

  /**
   * The element holding the name after a byline label: the label's next sibling element, or,
   * when the label is all its element holds, that element's next sibling. Null when text
   * follows the label instead.
   */
  private static Element elementAfterLabel(TextNode label) {
    for (Node n = label.nextSibling(); n != null; n = n.nextSibling()) {
      if (n instanceof Element el) {
        return el;
      }
      if (n instanceof TextNode t && !t.isBlank()) {
        return null;
      }
    }
    Element parent = (Element) label.parent();
    return parent != null && parent.text().strip().equals(label.text().strip())
        ? parent.nextElementSibling() : null;
  }

  /**
   * Whether the class, rel, itemprop or data-testid value has "author" or "byline" in it, case
   * ignored: true of every element {@link #BYLINE_QUERY} or {@link #AUTHOR_CLASS_QUERY} selects,
   * and a far cheaper test than theirs, which tries each alternative (two of them regular
   * expressions) on every element of the page.
   */
  private static boolean namesAuthorOrByline(Element el) {
    Attributes attributes = el.attributes();
    for (String key : BYLINE_ATTRIBUTES) {
      String v = attributes.getIgnoreCase(key);
      if (!v.isEmpty()
          && (TextStats.containsIgnoreCase(v, "author") || TextStats.containsIgnoreCase(v, "byline"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Names from the elements {@code query} selects under {@code root}; {@code hint}, when not
   * null, holds for every element the query matches and is tested first, as the cheaper test.
   */
  private static List<String> fromNodes(
      Element root, Evaluator query, Predicate<Element> hint, Evaluator elsewhere) {
    List<String> raws = new ArrayList<>();
    Element scope = null;
    for (Element el : PageElements.selectWithAttributes(root, query, hint)) {
      if (isElsewhere(el, elsewhere)) {
        continue;
      }
      // several names come from one byline; bylines elsewhere belong to other stories
      if (scope != null && !inside(el, scope)) {
        break;
      }
      Element name = el.selectFirst(ITEMPROP_NAME);
      String text = (name != null ? name : el).text();
      if (text.length() > 120) {
        // a byline block with the author's bio ("By Jane Doe Jane Doe has written..."): the name
        // is the link the block opens with
        Element link = el.selectFirst(LINK);
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

  /**
   * Whether {@code el} sits in one of the {@code elsewhere} blocks (navigation, footers, comments,
   * asides). A footer inside an article is the article's own, where the byline often is ("Posts by
   * Jane Doe" under the text), not the page's: it does not count, though what holds it may.
   */
  static boolean isElsewhere(Element el, Evaluator elsewhere) {
    for (Element e = el.closest(elsewhere); e != null; ) {
      if (!(e.nameIs("footer") && e.closest(ARTICLE) != null)) {
        return true;
      }
      Element up = e.parent();
      e = up == null ? null : up.closest(elsewhere);
    }
    return false;
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
