package news.pipeline.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

  @Test
  void computesEachKeyOnceWhileItStaysCached() {
    BoundedCache<String, Integer> cache = new BoundedCache<>(10);
    AtomicInteger calls = new AtomicInteger();

    java.util.function.Function<String, Integer> length = k -> {
      calls.incrementAndGet();
      return k.length();
    };

    assertThat(cache.get("abc", length)).isEqualTo(3);
    assertThat(cache.get("abc", length)).isEqualTo(3);

    assertThat(calls).hasValue(1);
  }

  @Test
  void emptiesItselfWhenFullAndStillAnswersRight() {
    BoundedCache<Integer, Integer> cache = new BoundedCache<>(4);
    AtomicInteger calls = new AtomicInteger();
    for (int i = 0; i < 9; i++) {
      assertThat(cache.get(i, k -> { calls.incrementAndGet(); return k * k; })).isEqualTo(i * i);
    }

    assertThat(cache.get(0, k -> { calls.incrementAndGet(); return k * k; })).isZero();
    assertThat(calls).hasValue(10); // 0 was dropped when the cache filled, so it was computed again
  }
}
