package news.pipeline.app.clean;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element's tag, class, id and role say about it: boilerplate (navigation, share bars,
 * related links, ads, consent boxes, comments, captions) or content (article, post, story).
 */
final class BoilerplateSignals {

  /** Tags whose content is never article text (and {@code title} in {@code head}). */
  private static final Set<String> DROP_TAGS = Set.of("script", "style", "noscript", "template",
      "svg", "iframe", "object", "embed", "canvas", "button", "input", "select", "textarea",
      "option", "nav", "aside", "footer", "figcaption", "dialog", "audio", "video", "map", "link",
      "meta");

  private static final Pattern NEGATIVE = Pattern.compile(
      "(?i)(?:^|[-_ ])(?:comments?|comment-?list|respond|replies|share|sharing|sharebar|social|"
          + "socials|related|recommended|recommendations?|newsletters?|subscribe|subscription|"
          + "signup|sign-up|cookies?|cookie-?banner|consent|gdpr|advert\\w*|ads?|ad-?slot|adunit|"
          + "dfp|sponsored?|promo|popup|modal|overlay|sidebar|breadcrumbs?|pagination|"
          + "pager|tags|tag-?list|tag-?cloud|footer|masthead|menu|nav|navbar|navigation|toolbar|"
          + "read-?more|more-?stories|more-?articles|most-?popular|popular|trending|outbrain|"
          + "taboola|disqus|caption|credits?|skip|skip-?link|byline|author-?bio|author-?box|"
          + "about-?author|paywall|login|signin|search|rating|print|sr-only|screen-reader-text|"
          + "visually-?hidden|offscreen|jump-?link|newsletter-?signup|follow|"
          + "post-?navigation|prev-?next|next-?prev|meta|entry-?meta|post-?meta|article-?meta|"
          + "disclaimer|copyright|banner|alert|toast|tooltip|dropdown|subnav|megamenu)(?:$|[-_ ])");

  private static final Pattern POSITIVE = Pattern.compile(
      "(?i)(?:^|[-_ ])(?:article|articles?-?body|body|content|entry|entry-?content|main|page|"
          + "post|post-?body|post-?content|text|blog|story|story-?body|hentry|prose|rich-?text|"
          + "markdown|news|column|lead|intro|teaser|standfirst|summary)(?:$|[-_ ])");

  /** Names so specific that even an element full of prose is dropped (reader comments). */
  private static final Pattern STRONG = Pattern.compile(
      "(?i)(?:^|[-_ ])(?:comments|comment-?list|commentlist|comments-?area|comments-?section|"
          + "respond|disqus_thread|reader-?comments|user-?comments)(?:$|[-_ ])");

  private static final Pattern NEGATIVE_ROLE = Pattern.compile(
      "(?i)navigation|banner|contentinfo|complementary|search|dialog|menu|menubar|alert|tablist");

  // compiled once: String.matches would compile these again for every element (seen in profiles)
  private static final Pattern NEGATIVE_LABEL = Pattern.compile("(?i).*\\b(breadcrumb|share|navigation|menu)\\b.*");
  private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i).*(display:none|visibility:hidden).*");
  private static final Pattern MAIN_TOKEN = Pattern.compile(
      "(?i)(article|post|entry|story)[-_]?(body|content|text)|content|"
          + "article|main|main-?content|entry-?content|post-?content|article-?content");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  // Each memo is asked about one class value or one id value at a time. Asking about the class and
  // the id apart gives the same answers as asking about "class id": no pattern here matches across
  // the space between them (their words hold no space, and a space is a boundary for each). Apart,
  // the class values repeat from element to element and the memo answers; joined, the ids (often
  // one per element) made nearly every key new, and the regexes ran again.
  private static final NameMemo NEGATIVE_NAMES = new NameMemo(n -> NEGATIVE.matcher(n).find());
  private static final NameMemo POSITIVE_NAMES = new NameMemo(n -> POSITIVE.matcher(n).find());
  private static final NameMemo STRONG_NAMES = new NameMemo(n -> STRONG.matcher(n).find());
  private static final NameMemo MAIN_CONTENT_NAMES =
      new NameMemo(n -> POSITIVE.matcher(mainTokensOnly(n)).find());

  private BoilerplateSignals() {}

  /** Whether the element's tag never holds article text. */
  static boolean isDropTag(Element el) {
    String tag = el.normalName();
    return DROP_TAGS.contains(tag)
        || tag.equals("title") && el.parent() != null && el.parent().normalName().equals("head");
  }

  /** Whether class, id or role mark the element as boilerplate. */
  static boolean looksLikeBoilerplate(Element el) {
    String role = el.attr("role");
    if (!role.isEmpty() && NEGATIVE_ROLE.matcher(role).matches()) {
      return true;
    }
    String label = el.attr("aria-label");
    if (!label.isEmpty() && NEGATIVE_LABEL.matcher(label).matches()) {
      return true;
    }
    String names = el.className();
    String id = el.id();
    return (NEGATIVE_NAMES.test(names) || NEGATIVE_NAMES.test(id))
        && !MAIN_CONTENT_NAMES.test(names) && !MAIN_CONTENT_NAMES.test(id);
  }

  /** Whether class or id name the element as reader comments, whatever its size. */
  static boolean isComments(Element el) {
    return (STRONG_NAMES.test(el.className()) || STRONG_NAMES.test(el.id()))
        && el.selectFirst("h1") == null;
  }

  /** Class-weight for scoring: +25 for content-like names, -25 for boilerplate-like names. */
  static int classWeight(Element el) {
    int weight = 0;
    for (String names : new String[] {el.className(), el.id()}) {
      if (names.isBlank()) {
        continue;
      }
      if (NEGATIVE_NAMES.test(names)) {
        weight -= 25;
      }
      if (POSITIVE_NAMES.test(names)) {
        weight += 25;
      }
    }
    return weight;
  }

  /** Whether the element is hidden by attribute or inline style. */
  static boolean isHidden(Element el, TextIndex index) {
    if (el.hasAttr("hidden")
        || "true".equals(el.attr("aria-hidden")) && index.textLength(el) < 200) {
      return true;
    }
    String style = el.attr("style");
    return !style.isEmpty() && HIDDEN_STYLE.matcher(style.replace(" ", "")).matches();
  }

  /**
   * Names like "article-body" carry both a content word and a boilerplate-looking part (e.g.
   * "body" vs nothing); only whole class tokens that name the main content protect an element.
   */
  private static String mainTokensOnly(String names) {
    StringBuilder sb = new StringBuilder();
    for (String token : WHITESPACE.split(names)) {
      if (MAIN_TOKEN.matcher(token).matches()) {
        sb.append(token).append(' ');
      }
    }
    return sb.toString();
  }
}
