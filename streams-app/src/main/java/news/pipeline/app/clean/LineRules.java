package news.pipeline.app.clean;

import java.util.regex.Pattern;

/**
 * General rules that mark a line of a text dump as boilerplate: skip links, sign-up prompts,
 * copyright and legal lines, image captions and credits, and headings that open the blocks that
 * follow an article (related content, author box, comments, product promos, footer).
 */
final class LineRules {

  private static final Pattern SKIP_LINK = Pattern.compile("(?i)^skip to\\b.{0,40}$|^jump to\\b.{0,40}$");
  private static final Pattern SIGN_UP = Pattern.compile(
      "(?i).*\\b(newsletters?|sign up|sign-up|signup|subscribe|log ?in|register now|"
          + "create an account)\\b.*");
  private static final Pattern PROMPT = Pattern.compile(
      "(?i).*\\b(click here|our (digital )?newsletters?|your inbox|sign up|subscribe (now|today|to our)|"
          + "receive our|join our|enter your e-?mail)\\b.*");
  private static final Pattern LEGAL = Pattern.compile(
      "(?i).*(©|\\(c\\) \\d{4}|all rights reserved|privacy policy|terms of (use|service)|"
          + "cookie (policy|settings)|your privacy choices|i consent to).*");
  private static final Pattern CAPTION = Pattern.compile(
      "(?i)^(caption|image|photo|picture|credit|photo credit|image credit|source)\\s*:.*"
          + "|^enlarge( this)?( image| icon)?$|^(hide|show) caption$|^toggle caption$"
          + "|.*\\b(getty images|shutterstock|istock|associated press)$");
  private static final Pattern INLINE_PROMO = Pattern.compile(
      "(?i)^(related|read more|see also|more|recommended|also read|read also|watch|listen)\\s*:.*");
  private static final Pattern END_MARKER = Pattern.compile(
      "(?i)^(related( content| articles?| posts?| stories| reading| news| coverage)?|"
          + "more (from|on|in|about|stories|news|articles)\\b.*|featured( .{0,30})?|"
          + "new products|latest( .{0,30})?|popular( .{0,30})?|most (read|popular|viewed).*|"
          + "trending.*|recommended( .{0,30})?|you (may|might) also (like|enjoy).*|"
          + "about the authors?|about us|tagged( with)?|tags|topics( in this article)?|"
          + "reader interactions|leave a (reply|comment)|comments?( \\(\\d+\\))?|"
          + "\\d+ comments?|share this( article| story| post)?|footer|"
          + "websites in our network|free .{0,40} you may like|read next|up next|"
          + "what to read next|further reading|sponsored( content)?|advertisement)\\s*:?\\s*$");

  /** "Read the full article here", "Click here to watch": a link's call to action. */
  private static final Pattern LINK_CALL = Pattern.compile(
      "(?i)^(read|see|view|watch|listen to|click|continue reading|download)\\b.{0,80}"
          + "\\b(here|article|story|report|more|video|podcast|full text)$");
  /** "Amazon facial recognition, police": two or more short terms separated by commas. */
  private static final Pattern TERM_LIST =
      Pattern.compile("^[^,.!?:;]{2,30}(,\\s*[^,.!?:;]{2,30})+$");

  private LineRules() {}

  /** A line that only asks the reader to follow a link (the link itself is gone in a dump). */
  static boolean isLinkCall(DumpLine l) {
    return l.words() <= 12 && !l.endsLikeSentence() && LINK_CALL.matcher(l.text()).matches();
  }

  /** A tag or keyword line: a short list of terms, none longer than three words, no sentence. */
  static boolean isTermList(DumpLine l) {
    if (l.words() > 10 || l.endsLikeSentence() || !TERM_LIST.matcher(l.text()).matches()) {
      return false;
    }
    for (String term : l.text().split(",")) {
      if (term.strip().split("\\s+").length > 3) {
        return false;
      }
    }
    return true;
  }

  static boolean isSkipLink(DumpLine l) {
    return SKIP_LINK.matcher(l.text()).matches();
  }

  /** Sign-up and newsletter prompts; long prose that merely mentions a newsletter is kept. */
  static boolean isSignUp(DumpLine l) {
    return l.words() <= 60 && SIGN_UP.matcher(l.text()).matches()
        && (l.words() <= 15 || PROMPT.matcher(l.text()).matches());
  }

  static boolean isLegal(DumpLine l) {
    return l.words() <= 40 && LEGAL.matcher(l.text()).matches();
  }

  static boolean isCaption(DumpLine l) {
    return l.words() <= 60 && CAPTION.matcher(l.text()).matches();
  }

  /** "Related: Other story" and similar one-line promotions inside an article. */
  static boolean isInlinePromo(DumpLine l) {
    return l.words() <= 20 && !l.endsLikeSentence() && INLINE_PROMO.matcher(l.text()).matches();
  }

  /**
   * A short heading that opens a post-article block ("Related Content:", "About the Author",
   * "Featured"): everything from here on is not the article. Headline-length lines only, so a
   * sentence starting with "Featured" stays.
   */
  static boolean isEndMarker(DumpLine l) {
    return l.words() <= 8 && !l.text().endsWith(".") && END_MARKER.matcher(l.text()).matches();
  }

  /** A menu-like line: a short bullet, or a line of a few words with no sentence shape. */
  static boolean isShortBullet(DumpLine l) {
    return l.bullet() && (l.words() <= 8 || !l.endsLikeSentence());
  }

  /** A line that only states a date and perhaps a name, e.g. "June 17, 2020 Staff". */
  static boolean isDateLine(DumpLine l) {
    return l.words() <= 12 && !l.endsLikeSentence() && DateParser.parseText(l.text()).isPresent();
  }
}
