package news.pipeline.app.clean;

/** Small text measures used by the extractor: comma and word counts, a case-blind search. */
final class TextStats {

  private TextStats() {}

  /**
   * Whether {@code text} contains {@code lowerWord} (lower-case ASCII), case ignored as {@link
   * String#regionMatches(boolean, int, String, int, int)} ignores it.
   */
  static boolean containsIgnoreCase(String text, String lowerWord) {
    char first = lowerWord.charAt(0);
    int last = text.length() - lowerWord.length();
    for (int i = 0; i <= last; i++) {
      char c = text.charAt(i);
      if (c < 128 && (c | 0x20) != first) {
        continue; // an ASCII character that is not the first letter in either case
      }
      if (text.regionMatches(true, i, lowerWord, 0, lowerWord.length())) {
        return true;
      }
    }
    return false;
  }

  static int commas(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '，' || c == '、' || c == '،') {
        n++;
      }
    }
    return n;
  }

  /**
   * Words: the parts of the stripped text between runs of ASCII whitespace (regex {@code \s}),
   * counted without splitting, since a text dump line can be megabytes long.
   */
  static int words(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return 0;
    }
    // strip() leaves no whitespace at either end, so every run of it separates two words
    int words = 1;
    boolean inRun = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean white =
          c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
      if (white && !inRun) {
        words++;
      }
      inRun = white;
    }
    return words;
  }
}
