package news.pipeline.app.dedup.similarity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word shingles: the features of a text for MinHash. */
public final class Shingles {

  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

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
    Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }
}
