package news.pipeline.app.dedup.similarity;

import java.util.List;

/**
 * A headline reduced to what identifies the story.
 *
 * @param text the tokens joined by single spaces: folded case, no punctuation, no publisher
 *     segment
 * @param tokens the words of {@code text}, in order, duplicates kept
 * @param informative false for generic titles ("Live updates", "Page not found") and titles with
 *     fewer than {@link DedupThresholds#TITLE_MIN_INFORMATIVE_TOKENS} informative words; such a
 *     title never makes a match on its own
 */
public record NormalizedTitle(String text, List<String> tokens, boolean informative) {

  /** The normalized form of a missing or empty title. */
  public static final NormalizedTitle EMPTY = new NormalizedTitle("", List.of(), false);

  public NormalizedTitle {
    text = text == null ? "" : text;
    tokens = tokens == null ? List.of() : List.copyOf(tokens);
  }
}
