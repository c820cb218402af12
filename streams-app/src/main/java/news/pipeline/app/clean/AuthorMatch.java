package news.pipeline.app.clean;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the quality benchmark compares authors with a gold byline: the same set of names; case,
 * punctuation and credentials ignored.
 *
 * <p>{@code matches(List.of("Dylan Bailey"), "Dylan Bailey, MS, RD")} is true; {@code
 * matches(List.of("Michael Rander"), "Michael Rander, Emily Acton")} is false.
 */
public final class AuthorMatch {

  private static final Pattern GOLD_SEPARATORS =
      Pattern.compile("\\s*(?:,|;|&|\\band\\b|\\|)\\s*", Pattern.CASE_INSENSITIVE);
  /** Degrees and credentials written after a name ("MS", "RD", "PhD", "FAND"). */
  private static final Pattern CREDENTIAL =
      Pattern.compile("(?:[A-Z]{2,5}|Ph\\.?D\\.?|M\\.?D\\.?|Jr\\.?|Sr\\.?)");

  private AuthorMatch() {}

  /** Whether the predicted names are exactly the gold byline's names. */
  public static boolean matches(List<String> predicted, String gold) {
    Set<String> want = new LinkedHashSet<>();
    for (String part : GOLD_SEPARATORS.split(gold.strip())) {
      if (!part.isBlank() && !CREDENTIAL.matcher(part.strip()).matches()) {
        want.add(TitleCleaner.norm(part));
      }
    }
    Set<String> got = new LinkedHashSet<>();
    for (String name : predicted) {
      got.add(TitleCleaner.norm(name));
    }
    got.remove("");
    want.remove("");
    return !want.isEmpty() && want.equals(got);
  }
}
