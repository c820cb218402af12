package news.pipeline.app.clean;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;

/**
 * Finds a page's publication and modification times, kept apart: JSON-LD first, then meta tags,
 * then {@code <time>} elements and date-like bylines, then a date in the URL path.
 */
final class DateExtractor {

  private static final String[] PUBLISHED_META = {
    "article:published_time", "og:published_time", "datePublished", "article:published",
    "published_time", "publish-date", "publish_date", "publishdate", "pubdate", "publication_date",
    "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date",
    "dcterms.date", "dcterms.created", "dc.date.created", "date", "citation_publication_date",
    "citation_date", "article.published", "cxenseparse:recs:publishtime", "original-publish-date",
    "published-date", "published"
  };
  private static final String[] MODIFIED_META = {
    "article:modified_time", "og:updated_time", "dateModified", "article:modified",
    "modified_time", "last-modified", "dcterms.modified", "dc.date.modified", "updated_time",
    "article.updated", "lastmod"
  };

  static final Pattern SCRIPT_DATE = Pattern.compile(
      "[\"']?(?:datePublished|publishedDate|publishDate|published_at|publishedAt|date_published|"
          + "firstPublishedAt|publish_date|pubDate)[\"']?\\s*:\\s*[\"']([^\"']{8,40})[\"']");
  /**
   * Every key of SCRIPT_DATE holds one of these, at most 7 characters after the match starts: a
   * script without them (most code bundles) is skipped, and the regex is only tried at the few
   * places before each one where a match could start. Started at the first cue and left to search
   * the rest of the script, it tried its nine keys at every following position: on a page with
   * megabytes of script after a "publisher" it took three quarters of the page's cleaning time.
   */
  private static final String[] SCRIPT_DATE_CUES = {"ublish", "pubDate"};
  /** How far before a cue a match can start: an opening quote and "firstP". */
  private static final int CUE_BEFORE = 8;

  private static final Evaluator PUBLISHED_ELEMENT =
      PageElements.query("[itemprop=datePublished], time[pubdate], time.published, time.entry-date");
  private static final Evaluator MODIFIED_ELEMENT =
      PageElements.query("[itemprop=dateModified], time.updated");
  private static final Evaluator TIME_WITH_DATETIME = PageElements.query("time[datetime]");
  /** Short elements whose class or id speaks of dates ("post-date"). */
  static final Evaluator DATE_LIKE =
      PageElements.query("[class~=(?i)date|time|publish|posted|byline|meta], [id~=(?i)date|publish]");
  /**
   * The two tests of {@link #DATE_LIKE} on class and id values, remembered: a page repeats its
   * class names on many elements, and these regexes ran on every element with a class.
   */
  private static final NameMemo DATE_LIKE_CLASS =
      new NameMemo(Pattern.compile("(?i)date|time|publish|posted|byline|meta").asPredicate());
  private static final NameMemo DATE_LIKE_ID =
      new NameMemo(Pattern.compile("(?i)date|publish").asPredicate());
  /** True of every element {@link #DATE_LIKE} selects: it is the same test on the same values. */
  static final Predicate<Element> DATE_LIKE_HINT =
      el -> DATE_LIKE_CLASS.test(el.attr("class")) || DATE_LIKE_ID.test(el.attr("id"));
  private static final Evaluator SCRIPT = PageElements.query("script");
  private static final Evaluator H1 = PageElements.query("h1");
  private static final Evaluator ELSEWHERE =
      PageElements.query("nav, footer, aside, .comment, .comments, #comments");

  private DateExtractor() {}

  /**
   * The publication time as the page wrote it, offset included, so that both the UTC instant and
   * the page's own calendar date can be read. A date in the URL is looked for in the canonical
   * URL, then in the fetch URL (a canonical can be mangled, or a shorter form without the date).
   */
  static OffsetDateTime published(Document doc, JsonLd jsonLd, String canonical, String pageUrl) {
    JsonNode article = jsonLd.article();
    Optional<OffsetDateTime> d = DateParser.parseOffset(JsonLd.text(article, "datePublished"));
    if (d.isEmpty()) {
      d = DateParser.parseOffset(JsonLd.text(article, "dateCreated"));
    }
    // Yoast-style graphs put the date on the WebPage node, not on an Article
    for (JsonNode node : jsonLd.nodes()) {
      if (d.isPresent()) {
        break;
      }
      d = DateParser.parseOffset(JsonLd.text(node, "datePublished"));
    }
    if (d.isEmpty()) {
      d = DateParser.parseOffset(Meta.first(doc, PUBLISHED_META));
    }
    if (d.isPresent()) {
      return ShownDates.overriding(doc, d.get(), machineDates(doc, jsonLd));
    }
    d = timeElement(doc, PUBLISHED_ELEMENT);
    if (d.isEmpty()) {
      d = DateParser.fromUrlOffset(canonical);
    }
    if (d.isEmpty()) {
      d = DateParser.fromUrlOffset(pageUrl);
    }
    if (d.isEmpty()) {
      // the date under the headline before any other <time>: lists of related stories often
      // come first in the markup
      List<LocalDate> shown = ShownDates.near(doc, true);
      if (!shown.isEmpty()) {
        d = Optional.of(shown.get(0).atStartOfDay().atOffset(ZoneOffset.UTC));
      }
    }
    if (d.isEmpty()) {
      d = timeElement(doc, TIME_WITH_DATETIME);
    }
    if (d.isEmpty()) {
      d = dateLikeText(doc);
    }
    if (d.isEmpty()) {
      d = scriptData(doc);
    }
    if (d.isEmpty()) {
      d = nearHeadline(doc);
    }
    if (d.isEmpty()) {
      d = firstDateAfterHeadline(doc);
    }
    return d.orElse(null);
  }

  /** Every published, created and modified date of the JSON-LD and the meta tags. */
  private static List<OffsetDateTime> machineDates(Document doc, JsonLd jsonLd) {
    List<String> raw = new ArrayList<>();
    for (JsonNode node : jsonLd.nodes()) {
      raw.add(JsonLd.text(node, "datePublished"));
      raw.add(JsonLd.text(node, "dateCreated"));
      raw.add(JsonLd.text(node, "dateModified"));
    }
    raw.add(Meta.first(doc, PUBLISHED_META));
    raw.add(Meta.first(doc, MODIFIED_META));
    List<OffsetDateTime> dates = new ArrayList<>();
    for (String r : raw) {
      DateParser.parseOffset(r).ifPresent(dates::add);
    }
    return dates;
  }

  static Instant modified(Document doc, JsonNode article) {
    return modifiedOffset(doc, article).map(OffsetDateTime::toInstant).orElse(null);
  }

  private static Optional<OffsetDateTime> modifiedOffset(Document doc, JsonNode article) {
    Optional<OffsetDateTime> d = DateParser.parseOffset(JsonLd.text(article, "dateModified"));
    if (d.isEmpty()) {
      d = DateParser.parseOffset(Meta.first(doc, MODIFIED_META));
    }
    if (d.isEmpty()) {
      d = timeElement(doc, MODIFIED_ELEMENT);
    }
    return d;
  }

  /** A publication date in a page's own JSON state (frameworks hydrate from it). */
  private static Optional<OffsetDateTime> scriptData(Document doc) {
    for (Element script : PageElements.select(doc, SCRIPT)) {
      String data = data(script);
      if (data.length() > 2_000_000) {
        continue;
      }
      String value = firstScriptDate(data);
      if (value != null) {
        Optional<OffsetDateTime> d = DateParser.parseOffset(value);
        if (d.isPresent()) {
          return d;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The value of the first SCRIPT_DATE match in {@code data} (the one starting first, as a search
   * of the whole script finds), tried only where a match can start: at most {@link #CUE_BEFORE}
   * places before each cue, each place once, in order. Null when there is none.
   */
  static String firstScriptDate(String data) {
    // the next place of each cue, each searched for again only once passed: searching both from
    // every place of either made a script with many of one and none of the other quadratic
    int[] next = new int[SCRIPT_DATE_CUES.length];
    for (int i = 0; i < next.length; i++) {
      next[i] = data.indexOf(SCRIPT_DATE_CUES[i]);
    }
    Matcher m = null;
    int tried = -1; // every place up to here has been tried as a match's start
    for (int cue = earliest(next); cue >= 0; cue = earliest(next)) {
      m = m == null ? SCRIPT_DATE.matcher(data) : m;
      for (int start = Math.max(tried + 1, cue - CUE_BEFORE); start <= cue; start++) {
        if (m.region(start, data.length()).lookingAt()) {
          return m.group(1);
        }
      }
      tried = Math.max(tried, cue);
      for (int i = 0; i < next.length; i++) {
        if (next[i] == cue) {
          next[i] = data.indexOf(SCRIPT_DATE_CUES[i], cue + 1);
        }
      }
    }
    return null;
  }

  /** The smallest of the places, -1 (none) not counted; -1 when all are. */
  private static int earliest(int[] places) {
    int first = -1;
    for (int at : places) {
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }

  /**
   * What {@code script.data()} gives, without copying the usual single block of script: a page's
   * scripts can be megabytes, and the copies were a visible share of the cleaner's time.
   */
  private static String data(Element script) {
    if (script.childNodeSize() == 1 && script.childNode(0) instanceof DataNode only) {
      return only.getWholeData();
    }
    return script.data();
  }

  /** A short text date next to the headline ("By Jane Doe - Mar 27, 2024"). */
  private static Optional<OffsetDateTime> nearHeadline(Document doc) {
    Element h1 = PageElements.selectFirst(doc, H1);
    if (h1 == null) {
      return Optional.empty();
    }
    Element scope = h1;
    for (int i = 0; i < 3 && scope.parent() != null && scope.parent() != doc.body(); i++) {
      scope = scope.parent();
    }
    for (TextNode t : scope.select("*").textNodes()) {
      String text = t.text().strip();
      if (!text.isEmpty() && text.length() <= 80) {
        Optional<OffsetDateTime> d = DateParser.parseTextOffset(text);
        if (d.isPresent()) {
          return d;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The first short date-only text after the headline, outside navigation, sidebars and
   * comments: where a page with no machine-readable date shows when it was written.
   */
  private static Optional<OffsetDateTime> firstDateAfterHeadline(Document doc) {
    Element h1 = PageElements.selectFirst(doc, H1);
    if (h1 == null || doc.body() == null) {
      return Optional.empty();
    }
    Elements all = PageElements.elements(doc.body());
    int start = all.indexOf(h1);
    // a date far below the headline belongs to something else (a comment, a related story)
    for (int i = start + 1; i >= 1 && i < Math.min(all.size(), start + 400); i++) {
      Element el = all.get(i);
      String own = el.ownText().strip();
      if (own.isEmpty() || own.length() > 60) {
        continue;
      }
      Optional<OffsetDateTime> d = DateParser.parseTextOffset(own);
      if (d.isPresent() && el.closest(ELSEWHERE) == null) {
        return d;
      }
    }
    return Optional.empty();
  }

  private static Optional<OffsetDateTime> timeElement(Document doc, Evaluator query) {
    for (Element el : PageElements.selectWithAttributes(doc, query, null)) {
      String raw = el.hasAttr("datetime") ? el.attr("datetime")
          : el.hasAttr("content") ? el.attr("content") : el.text();
      Optional<OffsetDateTime> d = DateParser.parseOffset(raw);
      if (d.isEmpty()) {
        d = DateParser.parseTextOffset(el.text());
      }
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  /** A text date in a short element whose class or id speaks of dates (e.g. "post-date"). */
  private static Optional<OffsetDateTime> dateLikeText(Document doc) {
    for (Element el : PageElements.selectWithAttributes(doc, DATE_LIKE, DATE_LIKE_HINT)) {
      String text = el.text();
      if (text.length() <= 120) {
        Optional<OffsetDateTime> d = DateParser.parseTextOffset(text);
        if (d.isPresent()) {
          return d;
        }
      }
    }
    return Optional.empty();
  }
}
