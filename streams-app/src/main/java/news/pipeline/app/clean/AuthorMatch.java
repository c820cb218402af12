package news.pipeline.app.clean;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the quality benchmark compares authors with a gold byline: the same set of names; case,
 * punctuation, honorifics ("Dr."), credentials ("PhD", "CEPF®") and job titles after the first
 * name ("Mike Marshall, Shipping Expert") ignored, on both sides alike.
 *
 * <p>{@code matches(List.of("Dylan Bailey"), "Dylan Bailey, MS, RD")} is true; {@code
 * matches(List.of("Michael Rander"), "Michael Rander, Emily Acton")} is false.
 */
public final class AuthorMatch {

  private static final Pattern GOLD_SEPARATORS =
      Pattern.compile("\\s*(?:,|;|&|\\band\\b|\\|)\\s*", Pattern.CASE_INSENSITIVE);
  /** Degrees and credentials written after a name ("MS", "RD", "PhD", "FAND", "CEPF®"). */
  private static final Pattern CREDENTIAL =
      Pattern.compile("(?:[A-Z]{2,5}|Ph\\.?D\\.?|M\\.?D\\.?|Jr\\.?|Sr\\.?)[®™*]?");
  private static final Pattern HONORIFIC =
      Pattern.compile("^(?:Dr|Mr|Mrs|Ms|Prof)\\.?\\s+(?=\\S)", Pattern.CASE_INSENSITIVE);

  private AuthorMatch() {}

  /** Whether the predicted names are exactly the gold byline's names. */
  public static boolean matches(List<String> predicted, String gold) {
    List<String> goldParts = new ArrayList<>();
    for (String part : GOLD_SEPARATORS.split(gold.strip())) {
      goldParts.add(part);
    }
    Set<String> want = names(goldParts);
    Set<String> got = names(predicted);
    return !want.isEmpty() && want.equals(got);
  }

  /** The normalised names of a list: the first always, later ones unless job titles. */
  private static Set<String> names(List<String> parts) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : parts) {
      String part = raw.strip();
      if (part.isEmpty() || CREDENTIAL.matcher(part).matches()
          || !out.isEmpty() && AuthorNames.isJobTitle(part)) {
        continue;
      }
      String name = TitleCleaner.norm(HONORIFIC.matcher(part).replaceFirst(""));
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return out;
  }
}
