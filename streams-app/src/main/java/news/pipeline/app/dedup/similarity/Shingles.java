package news.pipeline.app.dedup.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Word shingles: the features of a text for MinHash. */
public final class Shingles {

  /** The general categories besides letters that {@code \w} takes in (see {@link #isWordChar}). */
  private static final int WORD_TYPES =
      (1 << Character.NON_SPACING_MARK)
          | (1 << Character.ENCLOSING_MARK)
          | (1 << Character.COMBINING_SPACING_MARK)
          | (1 << Character.DECIMAL_DIGIT_NUMBER)
          | (1 << Character.CONNECTOR_PUNCTUATION);

  private Shingles() {}

  /**
   * The set of k-word shingles of a text over its lower-cased {@code \w+} words, each shingle the
   * words joined by one space. A text with fewer than {@code k} words (but at least one) gives one
   * shingle of all its words, so that a short text still has a feature.
   *
   * <p>{@code words("The cat sat on the mat", 3)} is {@code [the cat sat, cat sat on, sat on the,
   * on the mat]}.
   *
   * @param k words per shingle, at least 1
   * @return the shingles in order of first appearance; empty for a text without words
   */
  public static Set<String> words(String text, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    List<String> words = tokens(text);
    Set<String> shingles = new LinkedHashSet<>();
    if (words.isEmpty()) {
      return Collections.unmodifiableSet(shingles);
    }
    if (words.size() < k) {
      shingles.add(String.join(" ", words));
    }
    for (int i = 0; i + k <= words.size(); i++) {
      shingles.add(String.join(" ", words.subList(i, i + k)));
    }
    return Collections.unmodifiableSet(shingles);
  }

  /**
   * The hashes ({@link Hashing#hash64}) of the k-word shingles of {@code words}, in order and
   * with repeats: the features of {@link #words} for MinHash without building a string per
   * shingle or a set. A list of fewer than {@code k} words (but at least one) gives one hash.
   */
  static long[] hashes(List<String> words, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    if (words.isEmpty()) {
      return new long[0];
    }
    if (words.size() < k) {
      return new long[] {Hashing.hash64Joined(words, 0, words.size())};
    }
    long[] hashes = new long[words.size() - k + 1];
    for (int i = 0; i + k <= words.size(); i++) {
      hashes[i] = Hashing.hash64Joined(words, i, i + k);
    }
    return hashes;
  }

  /** The lower-cased {@code \w+} words of a text, in order. */
  public static List<String> tokens(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int[] bounds = wordBounds(lower);
    for (int w = 0; w < bounds.length; w += 2) {
      words.add(lower.substring(bounds[w], bounds[w + 1]));
    }
    return words;
  }

  /**
   * The same values as {@link #hashes hashes(tokens(text), k)}, without a string per word: the
   * words are found as offsets in the lower-cased text and hashed from its characters.
   *
   * @param minWords fewer words than this give an empty array
   */
  static long[] hashesOfText(String text, int k, int minWords) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    if (text == null) {
      return new long[0];
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int[] bounds = wordBounds(lower);
    int words = bounds.length / 2;
    if (words == 0 || words < minWords) {
      return new long[0];
    }
    char[] chars = lower.toCharArray();
    if (words < k) {
      return new long[] {Hashing.hash64Joined(chars, bounds, 0, words)};
    }
    long[] hashes = new long[words - k + 1];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = Hashing.hash64Joined(chars, bounds, i, i + k);
    }
    return hashes;
  }

  /**
   * Where the {@code \w+} words of {@code text} are (with {@link Pattern#UNICODE_CHARACTER_CLASS}):
   * start and end offset of the first word, then of the second, and so on. A hand-written scan,
   * the same words as the regex: the regex matcher took a tenth of the stream thread's samples on
   * HTML pages.
   */
  static int[] wordBounds(String text) {
    int[] bounds = new int[16];
    int count = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      do {
        i += Character.charCount(cp);
      } while (i < n && isWordChar(cp = text.codePointAt(i)));
      if (count + 2 > bounds.length) {
        bounds = Arrays.copyOf(bounds, bounds.length * 2);
      }
      bounds[count++] = start;
      bounds[count++] = i;
    }
    return Arrays.copyOf(bounds, count);
  }

  /**
   * Whether a code point is {@code \w} under {@link Pattern#UNICODE_CHARACTER_CLASS}: alphabetic,
   * a mark, a decimal digit, connector punctuation or a joiner (Unicode TR18's word class, which
   * the JDK implements); {@code ShinglesTest} checks every code point against the regex.
   */
  static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    }
    return Character.isAlphabetic(cp)
        || ((WORD_TYPES >> Character.getType(cp)) & 1) != 0
        || cp == 0x200C
        || cp == 0x200D;
  }
}
