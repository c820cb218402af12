package news.pipeline.app.clean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Turns raw byline strings into person names: strips "By", "Written by", dates, times, job
 * titles after a comma or dash, e-mail addresses and URLs, and splits "A, B and C" into three
 * names.
 *
 * <p>{@code AuthorNames.split("By Jane Doe and John Roe, Staff Writers | June 1, 2020")} gives
 * {@code [Jane Doe, John Roe]}.
 */
public final class AuthorNames {

  private static final Pattern PREFIX = Pattern.compile(
      "^(?:(?:written|posted|reported|published|story|words|text|photos?|reviewed|edited|authored|article)\\s+)?(?:by|von|par|por|door|di|av)\\s*[:\\-]?(?:\\s+|$)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LABEL = Pattern.compile(
      "^(?:authors?|writers?|byline|reporter|contributors?)\\s*[:\\-]\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE_TAIL = Pattern.compile(
      "(?:\\s*[|•·,\\-–—]?\\s*(?:on|at|updated|published|posted)?\\s*)"
          + "(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}|\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\\d+\\s+(?:min|hour|day)s?\\b|(?:updated|published|posted)\\b).*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SEPARATORS = Pattern.compile(
      "\\s*(?:,\\s*and\\s+|\\s+and\\s+|\\s*&\\s*|\\s+und\\s+|\\s+et\\s+|\\s+y\\s+|;|\\||,|/|\\n)\\s*",
      Pattern.CASE_INSENSITIVE);
  /**
   * A whole byline that credits a team rather than a person ("The Diggs Team", "the Lavazza Team", "Resy Staff",
   * "News Desk", "Our Editors"): kept as written, since it is the page's byline.
   */
  private static final Pattern TEAM = Pattern.compile(
      "(?:(?i:the)\\s+)?(?:[\\p{Lu}\\d][\\p{L}\\d&.'’-]*\\s+){1,3}"
          + "(?i:team|staff|editors|editorial team|editorial staff|desk|newsroom)");
  /** A second contributor after the author ("..., DVM. Reviewed by Jane Roe"): not an author. */
  private static final Pattern OTHER_CONTRIBUTOR = Pattern.compile(
      "(?<=\\S)[\\s.,;|•·]*\\b(?:medically |fact[- ]checked and |)(?:reviewed|edited|fact[- ]checked|"
          + "researched|illustrated|photos?|photographs?|additional reporting) by\\b.*$",
      Pattern.CASE_INSENSITIVE);
  /** Lower-case words that belong inside names ("Ludwig van Beethoven", "Maria de la Cruz"). */
  private static final Set<String> PARTICLES = Set.of("van", "von", "de", "der", "den", "da", "di",
      "du", "del", "della", "la", "le", "bin", "al", "ter", "ten", "dos", "das", "y");
  private static final Set<String> ROLE_WORDS = Set.of(
      "editor", "writer", "reporter", "correspondent", "staff", "contributor", "columnist",
      "senior", "chief", "director", "manager", "journalist", "producer", "author", "ceo",
      "founder", "president", "analyst", "news", "desk", "team", "photographer", "associate",
      "ph.d.", "phd", "md", "rd", "ms", "llc", "inc", "head", "officer", "admin", "administrator",
      "lead", "reviewer", "expert", "specialist", "consultant", "sponsored",
      // professions a byline puts after the name ("Tracy Parker, Dietitian"); none a common surname
      "dietitian", "nutritionist", "educator", "horticulturist", "horticulturalist", "strategist",
      "scientist", "researcher", "professor", "attorney", "advisor", "adviser", "physician",
      "veterinarian", "psychologist", "therapist", "economist", "engineer", "marketer",
      "instructor", "practitioner", "blogger", "historian", "curator", "co-founder", "cofounder");

  /** Degrees and credentials that follow a name after a comma ("MS", "RD", "Ph.D."). */
  private static final Pattern CREDENTIAL = Pattern.compile(
      "(?:[A-Z]{2,5}|Ph\\.?\\s?D\\.?|M\\.?D\\.?|Jr\\.?|Sr\\.?|[A-Z]{1,4}-[A-Z]{1,4}(?: \\d+)?)\\.?");
  /** Words a byline carries that are not names; and the days of the week, written out or short. */
  private static final Pattern NOT_A_NAME = Pattern.compile(
      "(?i)by|and|amp|admin|administrator|staff|guest|anonymous|unknown|author|follow|share|"
          + "reviewed|updated|posted|name|e-?mail|"
          + "(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?");
  /** A date the byline opens with, then a separator ("Dec. 19, 2025 · Jane Doe", "2025-12-19 | By Jane Doe"). */
  private static final Pattern LEADING_DATE = Pattern.compile(
      "(?i)^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
          + "|\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4}"
          + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4})\\s*[|•·,\\-–—]\\s*");
  /** "Jane Doe on behalf of the Rust Project": the person, not whom she writes for. */
  private static final Pattern ON_BEHALF = Pattern.compile("(?i)\\s+on behalf of\\b.*$");
  /** Links and buttons next to a byline ("Member Login", "Learn More"): never a name. */
  private static final Pattern INTERFACE_WORDS = Pattern.compile(
      "(?i)\\b(?:log ?in|log ?out|sign ?in|sign ?up|subscribe|menu|(?:learn|read|see|view|show|load) more)\\b");
  /**
   * A word with a dot between two runs of letters ("Page.head.extra.author", "andrew.keaveney"):
   * a template's unfilled field or a user name, not a person's name as written ("J.R.R." and
   * "Ph.D." have single letters between their dots).
   */
  private static final Pattern DOTTED_IDENTIFIER = Pattern.compile("\\p{L}{2,}\\.\\p{L}{2,}");

  /** Words in brackets within a byline part ("Paramita (Guha) Ghosh", "Jean-Luc Aufranc (CNXSoft)"). */
  private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\(([\\p{L}\\d][\\p{L}\\d .'’&-]{0,38})\\)");

  private AuthorNames() {}

  /** Splits and cleans one byline; returns the names in order, without duplicates. */
  public static List<String> split(String raw) {
    List<String> names = new ArrayList<>();
    if (raw == null) {
      return names;
    }
    String s = Parser.unescapeEntities(raw, false).replaceAll("\\s+", " ").strip();
    s = s.replaceAll("\\S+@\\S+|https?://\\S+", " ").strip();
    s = LABEL.matcher(s).replaceFirst("");
    s = PREFIX.matcher(s).replaceFirst("");
    s = LEADING_DATE.matcher(s).replaceFirst("");
    s = PREFIX.matcher(s).replaceFirst("");
    s = ON_BEHALF.matcher(s).replaceFirst("");
    s = DATE_TAIL.matcher(s).replaceFirst("");
    s = s.replaceAll("\\s[-–—|]\\s.*$", "");
    s = OTHER_CONTRIBUTOR.matcher(s).replaceFirst("").strip();
    if (TEAM.matcher(s).matches()) {
      names.add(s);
      return names;
    }
    s = dropJobTitleSegments(s);
    String[] parts = SEPARATORS.split(s);
    for (int i = 0; i < parts.length; i++) {
      // only the first part may be "Name Job Title"; later parts are often the title alone
      String name = clean(parts[i], i == 0);
      if (name != null && !names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** Cleans several bylines and merges them, keeping the first spelling of each name. */
  public static List<String> merge(List<String> raws) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    for (String raw : raws) {
      for (String name : split(raw)) {
        if (seen.add(name.toLowerCase(Locale.ROOT))) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /** Whether the string looks like a person's name (2-5 words, letters, not a job title). */
  static boolean looksLikeName(String s) {
    String[] words = s.split(" ");
    if (words.length < 1 || words.length > 5 || s.length() > 60) {
      return false;
    }
    if (INTERFACE_WORDS.matcher(s).find() || DOTTED_IDENTIFIER.matcher(s).find()) {
      return false;
    }
    for (String w : words) {
      String word = w.toLowerCase(Locale.ROOT).replaceAll("[,.]$", "");
      // plurals too: "Staff Writers", "Transport Reporters"
      if (ROLE_WORDS.contains(word) || ROLE_WORDS.contains(word.replaceAll("s$", ""))) {
        return false;
      }
      if (!w.matches("[\\p{L}][\\p{L}.'’\\-]*\\.?")) {
        return false;
      }
    }
    return true;
  }

  private static String clean(String part, boolean mayCarryJobTitle) {
    Matcher paren = PARENTHETICAL.matcher(part);
    if (paren.find()) {
      String bare = (part.substring(0, paren.start()) + " " + part.substring(paren.end())).replaceAll("\\s+", " ").strip();
      if (DOTTED_IDENTIFIER.matcher(paren.group(1)).find()) {
        return null; // a handle or a domain in brackets: what precedes it is a platform, not a name
      }
      String name = cleanBare(bare, mayCarryJobTitle);
      if (name == null || isJobTitle(paren.group(1))
          || !name.equals(PREFIX.matcher(bare).replaceFirst("").strip())) {
        return name; // a job title in brackets goes, like one after a comma
      }
      // a nickname, a former name or a handle: kept where the page put it
      return PREFIX.matcher(part.replaceAll("\\s+", " ").strip()).replaceFirst("").strip();
    }
    return cleanBare(part, mayCarryJobTitle);
  }

  private static String cleanBare(String part, boolean mayCarryJobTitle) {
    String s = PREFIX.matcher(part.strip()).replaceFirst("").strip();
    s = s.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}&&[^.]]+$|\\s+$", "").strip();
    if (s.isEmpty() || CREDENTIAL.matcher(s).matches() || NOT_A_NAME.matcher(s).matches()) {
      return null;
    }
    if (!looksLikeName(s)) {
      s = mayCarryJobTitle ? nameBeforeJobTitle(s) : null;
      if (s == null || !looksLikeName(s)) {
        return null;
      }
    }
    if (!s.equals(s.toLowerCase(Locale.ROOT)) && hasLowerCaseWord(s)) {
      // "Karl Smith at", "edited by Walter": a phrase, not a name
      return null;
    }
    return s.equals(s.toLowerCase(Locale.ROOT)) ? titleCase(s) : s;
  }

  /**
   * The name in "Keith Barry Senior Autos Reporter": the first two words (three with a middle
   * initial or particle) when a job title follows them; null when none does.
   */
  private static String nameBeforeJobTitle(String s) {
    String[] words = s.split(" ");
    int length = words.length > 2 && (words[1].matches("\\p{Lu}\\.?") || PARTICLES.contains(words[1]))
        ? 3 : 2;
    if (words.length <= length) {
      return null;
    }
    for (int i = length; i < words.length; i++) {
      String word = words[i].toLowerCase(Locale.ROOT).replaceAll("[,.]$", "");
      if (ROLE_WORDS.contains(word) || ROLE_WORDS.contains(word.replaceAll("s$", ""))) {
        return String.join(" ", Arrays.copyOf(words, length));
      }
    }
    return null;
  }

  /**
   * Drops comma-separated segments after the first that hold a job title ("Brett Cruz, Privacy
   * and Digital Security Expert"), so that the "and" inside a title does not split it into names.
   */
  private static String dropJobTitleSegments(String s) {
    String[] segments = s.split("\\s*[,;|]\\s*");
    if (segments.length == 0) {
      return s;
    }
    StringBuilder kept = new StringBuilder(segments[0]);
    for (int i = 1; i < segments.length; i++) {
      boolean title = false;
      for (String w : segments[i].split(" ")) {
        String word = w.toLowerCase(Locale.ROOT).replaceAll("[,.]$", "");
        title |= ROLE_WORDS.contains(word) || ROLE_WORDS.contains(word.replaceAll("s$", ""));
      }
      if (!title) {
        kept.append(", ").append(segments[i]);
      }
    }
    return kept.toString();
  }

  /**
   * Whether a byline segment after a name is a job title rather than another name: it holds a
   * role word ("Shipping Expert", "CEO of CaseBasix") or a lower-case word that no name has
   * ("Candidate Representative to the Committee", "edited by Walter").
   */
  static boolean isJobTitle(String segment) {
    String s = segment.strip();
    for (String w : s.split("\\s+")) {
      String word = w.toLowerCase(Locale.ROOT).replaceAll("[,.]$", "");
      if (ROLE_WORDS.contains(word) || ROLE_WORDS.contains(word.replaceAll("s$", ""))) {
        return true;
      }
    }
    return hasLowerCaseWord(s);
  }

  private static boolean hasLowerCaseWord(String s) {
    String[] words = s.split(" ");
    for (String w : words) {
      if (words.length > 1 && Character.isLowerCase(w.charAt(0)) && !PARTICLES.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static String titleCase(String s) {
    StringBuilder sb = new StringBuilder();
    for (String w : s.split(" ")) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    return sb.toString();
  }
}
