package news.pipeline.app.dedup.similarity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reduces a headline to the words that identify the story: HTML entities decoded, Unicode NFKC,
 * case folded, quotes and dashes unified, the publisher's name cut off, punctuation removed,
 * hyphenated words split. A title that is only the site's name is not informative.
 *
 * <p>{@code normalize("Amazon bans police use of its face recognition for a year | Charlotte
 * Observer", "charlotteobserver.com").text()} is {@code "amazon bans police use of its face
 * recognition for a year"}.
 *
 * <p>A title is split into segments at a spaced separator ({@code " | "}, {@code " - "}, {@code
 * " – "}, {@code " — "}, {@code " :: "}, {@code " · "}, {@code " • "}, {@code " » "}). The first or
 * last segment is dropped while it names the site (compared without spaces and punctuation, so
 * "Charlotte Observer" names {@code charlotteobserver.com}), or while it is a short segment of at
 * most {@value #SHORT_SEGMENT_WORDS} words beside at least {@value #LONG_REST_WORDS} other words
 * ("Opinion - …", "… - Reuters" without a site name). A colon is not a separator: "George Floyd:
 * Amazon bans …" keeps its topic.
 */
public final class TitleNormalizer {

  static final int SHORT_SEGMENT_WORDS = 4;
  static final int LONG_REST_WORDS = 5;

  /** Longest extra text beside the site name that still counts as naming the site ("BBC News"). */
  private static final int SITE_NAME_SLACK = 8;

  private static final Pattern SINGLE_QUOTES =
      Pattern.compile("[\u2018\u2019\u201A\u201B\u2032`\u00B4]");
  private static final Pattern DOUBLE_QUOTES =
      Pattern.compile("[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u301D\u301E]");
  private static final Pattern HYPHENS = Pattern.compile("[\u2010\u2011]");
  private static final Pattern DASHES = Pattern.compile("[\u2012\u2013\u2014\u2015\u2212\uFE58]");
  private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern SEPARATOR =
      Pattern.compile(" (?:\\||-|\u2013|::|\u00B7|\u2022|\u00BB) ");
  private static final Pattern POSSESSIVE = Pattern.compile("'s\\b");
  private static final Pattern ACRONYM = Pattern.compile("\\b\\p{L}(?:\\.\\p{L})+\\.?");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]");
  private static final Pattern DOMAIN = Pattern.compile("^[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}$");

  private TitleNormalizer() {}

  /**
   * Normalizes a title.
   *
   * @param title the raw headline; null gives {@link NormalizedTitle#EMPTY}
   * @param siteName the publisher's name or domain, or null when unknown
   */
  public static NormalizedTitle normalize(String title, String siteName) {
    if (title == null || title.isBlank()) {
      return NormalizedTitle.EMPTY;
    }
    Set<String> site = siteNameVariants(siteName);
    List<String> segments = new ArrayList<>(Arrays.asList(SEPARATOR.split(unify(title))));
    dropPublisherSegments(segments, site);
    String rest = String.join(" ", segments);
    List<String> tokens = tokens(rest);
    String text = String.join(" ", tokens);
    boolean onlySiteName = segments.size() == 1 && namesSite(rest, site);
    return new NormalizedTitle(text, tokens, !onlySiteName && isInformative(text, tokens));
  }

  /** HTML entities decoded, NFKC, folded case, one form of quotes and dashes, single spaces. */
  static String unify(String s) {
    String folded = Normalizer.normalize(HtmlEntities.decode(s), Normalizer.Form.NFKC);
    folded = folded.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT); // ß -> ss, as in folding
    folded = SINGLE_QUOTES.matcher(folded).replaceAll("'");
    folded = DOUBLE_QUOTES.matcher(folded).replaceAll("\"");
    folded = HYPHENS.matcher(folded).replaceAll("-");
    folded = DASHES.matcher(folded).replaceAll("\u2013");
    return SPACES.matcher(folded).replaceAll(" ").strip();
  }

  private static void dropPublisherSegments(List<String> segments, Set<String> site) {
    boolean dropped = true;
    while (dropped && segments.size() > 1) {
      dropped =
          dropIfPublisher(segments, segments.size() - 1, site)
              || dropIfPublisher(segments, 0, site);
    }
  }

  private static boolean dropIfPublisher(List<String> segments, int index, Set<String> site) {
    String segment = segments.get(index);
    int words = wordCount(segment);
    int restWords = segments.stream().mapToInt(TitleNormalizer::wordCount).sum() - words;
    boolean shortBesideLong = words <= SHORT_SEGMENT_WORDS && restWords >= LONG_REST_WORDS;
    if (namesSite(segment, site) || shortBesideLong) {
      segments.remove(index);
      return true;
    }
    return false;
  }

  /** Whether a segment names the site: one compact form contains the other, with little extra. */
  private static boolean namesSite(String segment, Set<String> site) {
    String compact = compact(segment);
    if (compact.isEmpty()) {
      return true; // a separator with nothing but punctuation beside it
    }
    for (String name : site) {
      boolean contained = compact.contains(name) || name.contains(compact);
      if (contained && Math.abs(compact.length() - name.length()) <= SITE_NAME_SLACK
          && Math.min(compact.length(), name.length()) >= 3) {
        return true;
      }
    }
    return false;
  }

  /**
   * Compact forms of a site name: the name itself, without a leading "the", and for a domain the
   * labels before the public suffix ({@code news.bbc.co.uk} gives {@code newsbbc} and {@code bbc}).
   */
  private static Set<String> siteNameVariants(String siteName) {
    Set<String> variants = new HashSet<>();
    if (siteName == null || siteName.isBlank()) {
      return variants;
    }
    String unified = unify(siteName);
    variants.add(compact(unified));
    if (unified.startsWith("the ")) {
      variants.add(compact(unified.substring(4)));
    }
    if (DOMAIN.matcher(unified).matches()) {
      List<String> labels = new ArrayList<>(Arrays.asList(unified.split("\\.")));
      labels.remove(labels.size() - 1);
      while (labels.size() > 1 && labels.get(labels.size() - 1).length() <= 3) {
        labels.remove(labels.size() - 1); // co.uk, com.au
      }
      labels.removeIf(l -> l.equals("www") || l.equals("m") || l.equals("amp"));
      variants.add(compact(String.join("", labels)));
      for (String label : labels) {
        if (label.length() >= 3) {
          variants.add(compact(label));
        }
      }
    }
    variants.remove("");
    return variants;
  }

  private static List<String> tokens(String text) {
    String s = POSSESSIVE.matcher(text).replaceAll("");
    s = s.replace("'", "");
    s = ACRONYM.matcher(s).replaceAll(m -> m.group().replace(".", "")); // u.s. -> us
    List<String> tokens = new ArrayList<>();
    for (String token : NON_WORD.split(s)) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  private static boolean isInformative(String text, List<String> tokens) {
    if (TitleVocabulary.isGenericTitle(text)) {
      return false;
    }
    long informative = tokens.stream().filter(TitleVocabulary::isInformative).distinct().count();
    return informative >= DedupThresholds.TITLE_MIN_INFORMATIVE_TOKENS;
  }

  private static String compact(String s) {
    return NOT_ALPHANUMERIC.matcher(s).replaceAll("");
  }

  private static int wordCount(String segment) {
    return (int) Arrays.stream(segment.split(" ")).filter(w -> !compact(w).isEmpty()).count();
  }
}
