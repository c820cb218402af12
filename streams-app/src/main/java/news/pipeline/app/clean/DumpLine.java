package news.pipeline.app.clean;

/**
 * One non-blank line of a plain-text page dump.
 *
 * @param text the line without indentation or bullet marker
 * @param bullet whether the line was a list item ("•", "*", "-", "1.")
 * @param index position among the dump's non-blank lines
 */
record DumpLine(String text, boolean bullet, int index) {

  private static final java.util.regex.Pattern BULLET =
      java.util.regex.Pattern.compile("^(?:[•*·▪◦‣○●\\-–]|\\d{1,2}[.)])\\s+");

  static DumpLine parse(String raw, int index) {
    String t = raw.replace('\u00a0', ' ').strip();
    boolean bullet = BULLET.matcher(t).find();
    if (bullet) {
      t = BULLET.matcher(t).replaceFirst("").strip();
    }
    return new DumpLine(t.replaceAll("\\s+", " "), bullet, index);
  }

  int words() {
    return TextStats.words(text);
  }

  /** Ends like a sentence: full stop, question or exclamation mark, or a closing quote. */
  boolean endsLikeSentence() {
    return text.matches("(?s).*[.!?…:;][\"'”’)\\]]?$|.*[\"”’]$");
  }

  /** Prose: a sentence of some length, the stuff articles are made of. */
  boolean isProse() {
    return words() >= 12 && endsLikeSentence();
  }
}
