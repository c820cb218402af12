package news.pipeline.app.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DedupStoreTest {

  @Test
  void expiryKeyIsZeroPaddedTimeThenIdSoByteOrderIsTimeOrder() {
    for (long t : new long[] {0, 7, 1_591_747_200_000L, Long.MAX_VALUE, -5}) {
      assertThat(DedupStore.expiryKey(t, "doc-1")).isEqualTo(String.format("%019d|%s", Math.max(0, t), "doc-1"));
    }
    assertThat(DedupStore.expiryKey(999, "b")).isLessThan(DedupStore.expiryKey(1000, "a"));
    assertThat(DedupStore.Expiry.parse(DedupStore.expiryKey(1_591_747_200_000L, "x|y")))
        .isEqualTo(new DedupStore.Expiry(1_591_747_200_000L, "x|y"));
  }
}
