package news.pipeline.app.dedup.quality;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The edits syndication makes to an article's text: a publisher or wire name beside the headline,
 * one headline word changed or dropped, the body cut short, an excerpt for a feed record. Every
 * edit is chosen by the caller's {@link Random}, never by looking at the page.
 */
public final class TextVariants {

  private static final String[] WIRES = {"Reuters", "AP News", "AFP", "Bloomberg", "The Associated Press"};

  private static final String[] PREFIXES = {"UPDATE 1-", "EXCLUSIVE-", "Opinion | ", "WATCH: ", "Analysis: "};

  /** Words editors put into or swap within a headline. */
  private static final String[] HEADLINE_WORDS = {
    "new", "major", "says", "reveals", "plans", "latest", "report", "now", "officials", "experts",
    "could", "first", "big", "key", "warns"
  };

  private TextVariants() {}

  /** The headline with a publisher or wire name after it, or a desk label before it. */
  public static String affixed(String headline, String siteName, Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> headline + " - " + WIRES[random.nextInt(WIRES.length)];
      case 1 -> headline + " | " + siteName;
      case 2 -> headline + " \u2013 " + siteName;
      case 3 -> siteName + " - " + headline;
      case 4 -> PREFIXES[random.nextInt(PREFIXES.length)] + headline;
      default -> headline + " | " + siteName + " | " + (random.nextBoolean() ? "News" : "Latest");
    };
  }

  /** The headline with one word (not the first) dropped or replaced. Short headlines get a word swapped. */
  public static String edited(String headline, Random random) {
    List<String> words = new ArrayList<>(Arrays.asList(headline.strip().split("\\s+")));
    if (words.size() < 2) {
      return headline + " " + HEADLINE_WORDS[random.nextInt(HEADLINE_WORDS.length)];
    }
    int at = 1 + random.nextInt(words.size() - 1);
    String replacement = HEADLINE_WORDS[random.nextInt(HEADLINE_WORDS.length)];
    if (random.nextBoolean() && words.size() > 4) {
      words.remove(at);
    } else if (!words.get(at).equalsIgnoreCase(replacement)) {
      words.set(at, replacement);
    } else {
      words.add(at, replacement);
    }
    return String.join(" ", words);
  }

  /** The first {@code fraction} of the body's words, ended at the paragraph or word where the cut falls. */
  public static String truncated(String body, double fraction) {
    String[] words = body.strip().split("(?<=\\s)(?=\\S)");
    int keep = Math.max(1, (int) Math.round(words.length * fraction));
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < keep; i++) {
      out.append(words[i]);
    }
    return out.toString().strip();
  }

  /** The first {@code words} words of the body, with an ellipsis when cut. */
  public static String excerpt(String body, int words) {
    String[] all = body.strip().split("\\s+");
    if (all.length <= words) {
      return String.join(" ", all);
    }
    return String.join(" ", Arrays.copyOf(all, words)) + "\u2026";
  }

  /** The paragraphs of a plain text: blocks separated by blank lines, or lines when there are none. */
  public static List<String> paragraphs(String text) {
    String[] blocks = text.strip().split("\\n\\s*\\n");
    if (blocks.length == 1) {
      blocks = text.strip().split("\\n");
    }
    return Arrays.stream(blocks).map(String::strip).filter(b -> !b.isEmpty()).toList();
  }

  /** A URL path segment from a headline: {@code "Amazon bans X" -> "amazon-bans-x"}, at most 8 words. */
  public static String slug(String headline) {
    String ascii = Normalizer.normalize(headline, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String[] words = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip().split(" ");
    return String.join("-", Arrays.copyOf(words, Math.min(words.length, 8))).replaceAll("^-|-$", "");
  }
}
