package news.pipeline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Folding a changelog to its latest value per key, as compaction and a restore do. */
class LatestPerKeyTest {

  @Test
  void aNewerValueReplacesTheOlderAndATombstoneRemovesTheKey() {
    LatestPerKey latest = new LatestPerKey(value -> value[0]);
    latest.apply(bytes("a"), new byte[] {3, 0, 0, 0});
    latest.apply(bytes("bb"), new byte[] {2, 0});
    latest.apply(bytes("a"), new byte[] {1});
    latest.apply(bytes("ccc"), new byte[] {5, 0, 0});
    latest.apply(bytes("ccc"), null);

    assertThat(latest.keys()).isEqualTo(2);
    assertThat(latest.bytes()).as("a: 1 + 1, bb: 2 + 2").isEqualTo(6);
    assertThat(latest.count()).as("a's latest value counts 1, bb's 2").isEqualTo(3);
  }

  @Test
  void keysAreComparedByContentNotByArrayIdentity() {
    LatestPerKey latest = new LatestPerKey(null);
    latest.apply(bytes("k"), new byte[10]);
    latest.apply(bytes("k"), new byte[4]);
    assertThat(latest.keys()).isEqualTo(1);
    assertThat(latest.bytes()).isEqualTo(5);
    assertThat(latest.count()).isZero();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
