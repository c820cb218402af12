package news.pipeline.app.clean;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;

/**
 * The dates a page prints in its headline area: the block around the first {@code <h1>} and the
 * byline just below it, up to the article's text. A reader takes the date shown there as the
 * article's date, so it overrides machine-readable dates that are none of it. Dates labelled as
 * updates and dates inside paragraphs of text are not counted.
 *
 * <p>For {@code <h1>Title</h1><p>By Jane Doe · March 5, 2025</p><p>Long text...}
 * {@code near(doc, false)} gives {@code [2025-03-05]}; with "Updated March 5, 2025" it gives none.
 */
final class ShownDates {

  /** How far below the headline the byline may sit, in elements and in characters of text. */
  private static final int MAX_ELEMENTS_AFTER = 80;
  private static final int MAX_TEXT_AFTER = 600;
  private static final int MAX_DATE_TEXT = 80;
  /** A paragraph this long is text, not a byline. */
  private static final int BODY_PARAGRAPH = 120;
  /** A date labelled as an update is the modified date, whatever the page's markup says. */
  private static final Pattern UPDATE_LABEL =
      Pattern.compile("(?i)updat|modified|revised|reviewed|refreshed|last edited");
  private static final Evaluator ELSEWHERE =
      PageElements.query("nav, footer, aside, .comment, .comments, #comments");
  private static final Evaluator H1 = PageElements.query("h1");
  private static final Evaluator PARAGRAPH = PageElements.query("p");

  private ShownDates() {}

  /**
   * The date the page shows under its headline when it is none of the page's machine-readable
   * dates ({@code machine}): CMS imports and migrations rewrite those, and a reader (and WCXB's
   * gold) goes by the date shown. A shown date that is a machine date, or the published one a
   * day off (another time zone), keeps {@code published}; so does a date labelled as an update.
   */
  static OffsetDateTime overriding(Document doc, OffsetDateTime published,
      List<OffsetDateTime> machine) {
    List<LocalDate> shown = near(doc, false);
    for (LocalDate date : shown) {
      if (Math.abs(date.toEpochDay() - published.toLocalDate().toEpochDay()) <= 1
          || machine.stream().anyMatch(m -> m.toLocalDate().equals(date))) {
        return published;
      }
    }
    return shown.isEmpty() ? published : shown.get(0).atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  /**
   * The dates shown around the first headline, in page order; empty without an {@code h1}.
   * Numeric dates whose day and month could be swapped ("09.10.2024") only with {@code
   * ambiguousToo}.
   */
  static List<LocalDate> near(Document doc, boolean ambiguousToo) {
    Element h1 = doc.body() == null ? null : PageElements.selectFirst(doc.body(), H1);
    List<LocalDate> dates = new ArrayList<>();
    if (h1 == null || h1.closest(ELSEWHERE) != null) {
      return dates;
    }
    Shown shown = new Shown(dates, ambiguousToo);
    before(h1, shown);
    after(h1, shown);
    return dates;
  }

  /** Where the dates found go, and whether ambiguous numeric ones count. */
  private record Shown(List<LocalDate> dates, boolean ambiguousToo) {}

  /** Dates in the headline's own block, before it ("Travel · September 8, 2021" above a title). */
  private static void before(Element h1, Shown dates) {
    Element scope = h1;
    for (int i = 0; i < 2 && scope.parent() != null && !"body".equals(scope.parent().tagName()); i++) {
      scope = scope.parent();
    }
    for (Element el : scope.select("*")) {
      if (el == h1) {
        return;
      }
      if (el.closest(ELSEWHERE) == null) {
        for (TextNode t : el.textNodes()) {
          add(t, dates);
        }
      }
    }
  }

  /** Dates below the headline, up to the first stretch of body text. */
  private static void after(Element h1, Shown dates) {
    int elements = 0;
    int text = 0;
    int paragraphs = 0;
    for (Node n = next(h1); n != null && elements < MAX_ELEMENTS_AFTER && text < MAX_TEXT_AFTER;
        n = n instanceof Element el && el.closest(ELSEWHERE) != null ? next(el)
            : n.childNodeSize() > 0 ? n.childNode(0) : next(n)) {
      if (n instanceof Element el) {
        elements++;
        // a standfirst may sit between the headline and the byline; two are the article's text
        if ("p".equals(el.tagName()) && el.text().length() >= BODY_PARAGRAPH && ++paragraphs == 2) {
          return;
        }
      } else if (n instanceof TextNode t && !t.isBlank()) {
        text += t.text().strip().length();
        add(t, dates);
      }
    }
  }

  /** The node after {@code n} and its descendants, in document order. */
  private static Node next(Node n) {
    for (Node at = n; at != null; at = at.parent()) {
      if (at.nextSibling() != null) {
        return at.nextSibling();
      }
    }
    return null;
  }

  private static void add(TextNode t, Shown shown) {
    String text = t.text().strip();
    if (text.isEmpty() || text.length() > MAX_DATE_TEXT) {
      return;
    }
    Optional<OffsetDateTime> d = DateParser.parseTextOffset(text);
    if (d.isPresent() && !labelledAsUpdate(t, text) && !inProse(t)
        && (shown.ambiguousToo() || !DateParser.ambiguousOrder(text))) {
      shown.dates().add(d.get().toLocalDate());
    }
  }

  /**
   * Whether the words printed before a date call it an update: in its own text ("Updated Dec 3,
   * 2025", not "Published Oct 10, 2023 [Updated Dec 3, 2025]"), in the element holding it, or in
   * the element just before it ("Updated:" in a span of its own).
   */
  private static boolean labelledAsUpdate(TextNode t, String own) {
    if (updateBefore(own, firstDigit(own))) {
      return true;
    }
    Element el = t.parent();
    if (el != null) {
      String text = el.text();
      int at = text.indexOf(own);
      if (text.length() <= 2 * MAX_DATE_TEXT && at > 0 && updateBefore(text, at)) {
        return true;
      }
      Element before = at == 0 ? el.previousElementSibling() : null;
      return before != null && before.text().length() <= MAX_DATE_TEXT
          && UPDATE_LABEL.matcher(before.text()).find();
    }
    return false;
  }

  private static boolean updateBefore(String text, int end) {
    Matcher m = UPDATE_LABEL.matcher(text);
    return m.find() && m.start() < end;
  }

  /** A date inside a paragraph of text is about something the article tells. */
  private static boolean inProse(TextNode t) {
    Element p = t.parent() == null ? null : t.parent().closest(PARAGRAPH);
    return p != null && p.text().length() >= BODY_PARAGRAPH;
  }

  private static int firstDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return i;
      }
    }
    return s.length();
  }
}
