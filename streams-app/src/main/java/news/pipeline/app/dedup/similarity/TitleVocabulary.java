package news.pipeline.app.dedup.similarity;

import java.util.List;
import java.util.Set;

/**
 * Word lists behind {@link NormalizedTitle#informative()}, in normalized (folded, unpunctuated)
 * form. English only for now; a title in another language counts all its words as informative.
 */
final class TitleVocabulary {

  /** Function words: present in most headlines, so they say nothing about the story. */
  static final Set<String> STOPWORDS =
      Set.of(
          "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "to", "in", "on", "at",
          "by", "for", "with", "from", "into", "onto", "over", "under", "about", "after", "before",
          "as", "than", "then", "up", "down", "out", "off", "via", "vs", "amid", "is", "are",
          "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
          "will", "would", "shall", "should", "can", "could", "may", "might", "must", "it", "its",
          "this", "that", "these", "those", "there", "here", "he", "she", "they", "them", "his",
          "her", "their", "we", "our", "you", "your", "i", "me", "my", "us", "him", "who", "whom",
          "whose", "which", "what", "when", "where", "why", "how", "all", "any", "some", "no",
          "not", "more", "most", "very", "just", "also", "if", "s", "t", "says", "said", "say");

  /** Words of page chrome and section names: a title made of them names no story. */
  static final Set<String> GENERIC_WORDS =
      Set.of(
          "live", "updates", "update", "latest", "breaking", "news", "top", "stories", "story",
          "headlines", "photos", "photo", "pictures", "gallery", "video", "videos", "watch",
          "podcast", "opinion", "editorial", "home", "homepage", "page", "untitled", "blog",
          "today", "tonight", "yesterday", "new", "daily", "weekly", "briefing", "newsletter");

  /** Month and weekday names (and short forms other than "may", already a stop word). */
  static final Set<String> CALENDAR_WORDS =
      Set.of(
          "january", "february", "march", "april", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
          "friday", "saturday", "sunday");

  /** Whole titles that name no story. Compared with {@link NormalizedTitle#text()}. */
  static final Set<String> GENERIC_TITLES =
      Set.of(
          "home", "homepage", "home page", "live", "live updates", "live blog", "live coverage",
          "breaking news", "latest news", "top stories", "news", "opinion", "opinions",
          "editorial", "analysis", "photos", "photo gallery", "in pictures", "video", "videos",
          "watch live", "podcast", "untitled", "untitled document", "no title", "page not found",
          "not found", "404", "404 not found", "404 page not found", "error", "error 404",
          "access denied", "403 forbidden", "forbidden", "just a moment", "attention required",
          "are you a robot", "robot check", "subscribe", "subscribe to read", "sign in", "log in",
          "login", "register", "search", "search results", "index", "sitemap", "contact us",
          "about us", "privacy policy", "terms of service", "terms of use", "cookie policy",
          "newsletter", "newsletters", "loading", "redirecting", "please wait", "welcome");

  /** Starts of error, block and login pages that often carry the path or site after them. */
  static final List<String> GENERIC_PREFIXES =
      List.of(
          "page not found ", "404 ", "error 404 ", "access denied ", "just a moment ",
          "attention required ", "sign in to ", "log in to ", "subscribe to read ");

  private TitleVocabulary() {}

  /** Whether a normalized token carries meaning about the story. */
  static boolean isInformative(String token) {
    return !STOPWORDS.contains(token)
        && !GENERIC_WORDS.contains(token)
        && !CALENDAR_WORDS.contains(token)
        && !token.chars().allMatch(Character::isDigit);
  }

  /** Whether a normalized title text is a generic page title. */
  static boolean isGenericTitle(String text) {
    if (GENERIC_TITLES.contains(text)) {
      return true;
    }
    for (String prefix : GENERIC_PREFIXES) {
      if (text.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
