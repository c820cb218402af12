package news.pipeline.app.clean;

import java.util.regex.Pattern;

/**
 * One non-blank line of a plain-text page dump. Its word count and sentence shape are computed
 * once: the line rules ask for them many times, and a dump can be one line of megabytes.
 *
 * @param text the line without indentation or bullet marker
 * @param bullet whether the line was a list item ("•", "*", "-", "1.")
 * @param index position among the dump's non-blank lines
 * @param words the number of words ({@link TextStats#words})
 * @param endsLikeSentence ends like a sentence: full stop, question or exclamation mark, colon or
 *     semicolon (then perhaps a closing quote or bracket), or a closing quote
 */
record DumpLine(String text, boolean bullet, int index, int words, boolean endsLikeSentence) {

  private static final Pattern BULLET = Pattern.compile("^(?:[•*·▪◦‣○●\\-–]|\\d{1,2}[.)])\\s+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  static DumpLine parse(String raw, int index) {
    String t = raw.replace('\u00a0', ' ').strip();
    boolean bullet = BULLET.matcher(t).find();
    if (bullet) {
      t = BULLET.matcher(t).replaceFirst("").strip();
    }
    String text = WHITESPACE.matcher(t).replaceAll(" ");
    return new DumpLine(text, bullet, index, TextStats.words(text), endsLikeSentence(text));
  }

  /** Prose: a sentence of some length, the stuff articles are made of. */
  boolean isProse() {
    return words >= 12 && endsLikeSentence;
  }

  /** The regex {@code (?s).*[.!?…:;]["'”’)\]]?$|.*["”’]$}, read off the last two characters. */
  static boolean endsLikeSentence(String text) {
    int n = text.length();
    if (n == 0) {
      return false;
    }
    char last = text.charAt(n - 1);
    if (isStop(last) || last == '"' || last == '”' || last == '’') {
      return true;
    }
    return (last == '\'' || last == ')' || last == ']') && n >= 2 && isStop(text.charAt(n - 2));
  }

  private static boolean isStop(char c) {
    return c == '.' || c == '!' || c == '?' || c == '…' || c == ':' || c == ';';
  }
}
