package news.pipeline.app.clean;

import java.util.function.Predicate;
import news.pipeline.url.BoundedCache;

/**
 * Remembers the answers of a pattern test on class and id names. A page repeats the same few
 * hundred names on thousands of elements, and sites repeat them from page to page, so most
 * regex runs were repeats. Bounded: the map is emptied when full. Thread-safe.
 */
final class NameMemo {

  private static final int MAX_ENTRIES = 8192;
  private static final int MAX_KEY_LENGTH = 256;

  private final Predicate<String> test;
  private final BoundedCache<String, Boolean> answers = new BoundedCache<>(MAX_ENTRIES);

  NameMemo(Predicate<String> test) {
    this.test = test;
  }

  boolean test(String names) {
    if (names.length() > MAX_KEY_LENGTH) {
      return test.test(names);
    }
    return answers.get(names, test::test);
  }
}
