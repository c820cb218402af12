package news.pipeline.app.clean;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date formats that pages use into UTC instants: ISO-8601 (with or without offset or
 * time), RFC-1123, English text dates ("June 17, 2020", "17 Jun 2022"), numeric dates ("12.12.2025"
 * day first; "3/4/2025" month first unless the first number is over 12; "2025.12.17" year first)
 * and dates in URL paths ({@code /2020/06/10/}, {@code /2023/october/03/}). A date without a time
 * becomes midnight UTC.
 *
 * <p>{@code DateParser.parse("June 17, 2020")} gives {@code 2020-06-17T00:00:00Z}.
 */
public final class DateParser {

  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
      Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
      Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  /** "June 17, 2020", "Jun 17 2020", "June 17th, 2020". */
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
      "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)", Pattern.CASE_INSENSITIVE);
  /** "17 June 2020", "17 Jun, 2022". */
  private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
      "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})(?!\\d)",
      Pattern.CASE_INSENSITIVE);
  /** "2023 Jan 7", as PubMed and citation meta tags write it. */
  private static final Pattern YEAR_MONTH_DAY = Pattern.compile(
      "\\b(\\d{4})\\s+" + MONTH + "\\s+(\\d{1,2})(?!\\d)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO_DATE =
      Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![\\d])");
  private static final Pattern SLASH_YMD = Pattern.compile("\\b(\\d{4})/(\\d{1,2})/(\\d{1,2})\\b");
  /** "2025.12.17": year, month, day with dots, as Korean, Hungarian and many blogs write it. */
  private static final Pattern DOTTED_YMD =
      Pattern.compile("(?<![\\d.])(\\d{4})\\.(\\d{2})\\.(\\d{2})(?!\\d|\\.\\d)");
  /** "12.12.2025", "5.3.2024": day, month, year, as German and other European pages write it. */
  private static final Pattern DOTTED_DMY =
      Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\d.])");
  /**
   * "3/4/2025", "15/12/2025": month first as in American English, unless the first number cannot
   * be a month (then day first, as in British and French pages).
   */
  private static final Pattern SLASH_NUMERIC =
      Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![\\d/])");
  /** "/2023/october/03/": a date in a URL path with the month's name. */
  private static final Pattern URL_TEXT_DATE = Pattern.compile(
      "/((?:19|20)\\d{2})/" + MONTH + "/(0?[1-9]|[12]\\d|3[01])(?:/|$)", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL_DATE = Pattern.compile(
      "/((?:19|20)\\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\\d|3[01])?(?:/|-|_|\\+|\\.|$)");

  private DateParser() {}

  /** Parses a machine or human date string; empty when nothing date-like is found. */
  public static Optional<Instant> parse(String raw) {
    return parseOffset(raw).map(OffsetDateTime::toInstant);
  }

  /**
   * Like {@link #parse}, but keeps the offset the source wrote ({@code 2020-06-10T22:30:00-04:00}
   * stays on June 10), so the page's own calendar date can be read; dates without an offset are
   * UTC.
   */
  public static Optional<OffsetDateTime> parseOffset(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Optional<OffsetDateTime> iso = parseIso(s);
    if (iso.isPresent()) {
      return iso;
    }
    try {
      return valid(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime());
    } catch (DateTimeParseException ignored) {
      // fall through to text forms
    }
    if (s.matches("\\d{10}|\\d{13}")) {
      long n = Long.parseLong(s);
      return valid((s.length() == 10 ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n))
          .atOffset(ZoneOffset.UTC));
    }
    return parseTextOffset(s);
  }

  /** Finds a date written in running text, e.g. "Posted on June 17, 2020 by Staff". */
  public static Optional<Instant> parseText(String text) {
    return parseTextOffset(text).map(OffsetDateTime::toInstant);
  }

  /** {@link #parseText} as a date at midnight UTC. */
  static Optional<OffsetDateTime> parseTextOffset(String text) {
    // every form has a four-digit year; most texts asked about have none, and a scan for one is
    // far cheaper than the seven patterns
    if (text == null || !hasYear(text)) {
      return Optional.empty();
    }
    Matcher m = MONTH_DAY_YEAR.matcher(text);
    if (m.find()) {
      return date(m.group(3), month(m.group(1)), m.group(2));
    }
    m = DAY_MONTH_YEAR.matcher(text);
    if (m.find()) {
      return date(m.group(3), month(m.group(2)), m.group(1));
    }
    m = YEAR_MONTH_DAY.matcher(text);
    if (m.find()) {
      return date(m.group(1), month(m.group(2)), m.group(3));
    }
    m = ISO_DATE.matcher(text);
    if (m.find()) {
      return date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }
    m = SLASH_YMD.matcher(text);
    if (m.find()) {
      return date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }
    m = DOTTED_YMD.matcher(text);
    if (m.find()) {
      return date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }
    m = DOTTED_DMY.matcher(text);
    if (m.find()) {
      return date(m.group(3), Integer.parseInt(m.group(2)), m.group(1));
    }
    m = SLASH_NUMERIC.matcher(text);
    if (m.find()) {
      int first = Integer.parseInt(m.group(1));
      return first > 12 ? date(m.group(3), Integer.parseInt(m.group(2)), m.group(1))
          : date(m.group(3), first, m.group(2));
    }
    return Optional.empty();
  }

  /**
   * Whether the date {@link #parseText} finds in {@code text} is numeric with both orders possible
   * ("09.10.2024", "3/4/2025"): such a date is read, but it cannot overrule a machine date.
   */
  static boolean ambiguousOrder(String text) {
    if (text == null || MONTH_DAY_YEAR.matcher(text).find() || DAY_MONTH_YEAR.matcher(text).find()
        || YEAR_MONTH_DAY.matcher(text).find() || ISO_DATE.matcher(text).find()
        || SLASH_YMD.matcher(text).find() || DOTTED_YMD.matcher(text).find()) {
      return false;
    }
    Matcher m = DOTTED_DMY.matcher(text);
    if (!m.find()) {
      m = SLASH_NUMERIC.matcher(text);
      if (!m.find()) {
        return false;
      }
    }
    int a = Integer.parseInt(m.group(1));
    int b = Integer.parseInt(m.group(2));
    return a != b && a <= 12 && b <= 12;
  }

  private static boolean hasYear(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++run == 4) {
          return true;
        }
      } else {
        run = 0;
      }
    }
    return false;
  }

  /** Finds a {@code /yyyy/mm/dd/} date in a URL path; needs the day to be present. */
  public static Optional<Instant> fromUrl(String url) {
    return fromUrlOffset(url).map(OffsetDateTime::toInstant);
  }

  static Optional<OffsetDateTime> fromUrlOffset(String url) {
    if (url == null) {
      return Optional.empty();
    }
    Matcher m = URL_DATE.matcher(url);
    while (m.find()) {
      if (m.group(3) != null) {
        return date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
      }
    }
    m = URL_TEXT_DATE.matcher(url);
    return m.find() ? date(m.group(1), month(m.group(2)), m.group(3)) : Optional.empty();
  }

  private static Optional<OffsetDateTime> parseIso(String s) {
    String t = s.replace(' ', 'T');
    if (t.length() >= 19 && t.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
      // "+0000" style offsets are common; java.time wants "+00:00"
      t = t.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
      try {
        return valid(OffsetDateTime.parse(t));
      } catch (DateTimeParseException ignored) {
        // try without an offset
      }
      try {
        return valid(Instant.parse(t).atOffset(ZoneOffset.UTC));
      } catch (DateTimeParseException ignored) {
        // try local
      }
      try {
        return valid(LocalDateTime.parse(t).atOffset(ZoneOffset.UTC));
      } catch (DateTimeParseException ignored) {
        // fall back to the date part
      }
    }
    if (s.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      try {
        return valid(LocalDate.parse(s.substring(0, 10)).atStartOfDay().atOffset(ZoneOffset.UTC));
      } catch (DateTimeParseException ignored) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static int month(String name) {
    return MONTHS.getOrDefault(name.substring(0, 3).toLowerCase(Locale.ROOT), 0);
  }

  private static Optional<OffsetDateTime> date(String year, int month, String day) {
    try {
      LocalDate d = LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
      return valid(d.atStartOfDay().atOffset(ZoneOffset.UTC));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Rejects dates no news page can carry (before the web, or far in the future). */
  private static Optional<OffsetDateTime> valid(OffsetDateTime time) {
    int year = time.getYear();
    return year >= 1990 && year <= 2100 ? Optional.of(time) : Optional.empty();
  }
}
