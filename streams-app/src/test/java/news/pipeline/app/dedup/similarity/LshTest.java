package news.pipeline.app.dedup.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LshTest {

  private static int[] signature(int length, int offset) {
    int[] sig = new int[length];
    for (int i = 0; i < length; i++) {
      sig[i] = i * 31 + offset;
    }
    return sig;
  }

  @Test
  void oneKeyPerBandWithNamespaceIndexAndHexHash() {
    List<String> keys = Lsh.bandKeys("title", signature(60, 0), 12);
    assertThat(keys).hasSize(12);
    for (int band = 0; band < 12; band++) {
      assertThat(keys.get(band)).matches("title:" + band + ":[0-9a-f]{16}");
    }
  }

  @Test
  void equalSignaturesGiveEqualKeys() {
    assertThat(Lsh.bandKeys("t", signature(60, 5), 12))
        .isEqualTo(Lsh.bandKeys("t", signature(60, 5), 12));
  }

  @Test
  void aChangedRowChangesOnlyItsBand() {
    int[] a = signature(60, 0);
    int[] b = a.clone();
    b[17] ^= 1; // row 17 is in band 3 (rows 15-19)
    List<String> keysA = Lsh.bandKeys("t", a, 12);
    List<String> keysB = Lsh.bandKeys("t", b, 12);
    for (int band = 0; band < 12; band++) {
      if (band == 3) {
        assertThat(keysB.get(band)).isNotEqualTo(keysA.get(band));
      } else {
        assertThat(keysB.get(band)).isEqualTo(keysA.get(band));
      }
    }
  }

  @Test
  void equalRowsInDifferentBandsGiveDifferentKeys() {
    int[] constant = new int[12];
    List<String> keys = Lsh.bandKeys("t", constant, 4);
    assertThat(keys.stream().map(k -> k.substring(k.lastIndexOf(':'))).distinct()).hasSize(1);
    assertThat(keys).doesNotHaveDuplicates();
  }

  @Test
  void namespacesKeepTitleAndBodyKeysApart() {
    int[] sig = signature(12, 0);
    assertThat(Lsh.bandKeys("title", sig, 4))
        .doesNotContainAnyElementsOf(Lsh.bandKeys("body", sig, 4));
  }

  @Test
  void emptySignatureGivesNoKeys() {
    assertThat(Lsh.bandKeys("t", new int[0], 12)).isEmpty();
  }

  @Test
  void bandsMustDivideTheSignature() {
    assertThatThrownBy(() -> Lsh.bandKeys("t", new int[10], 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Lsh.bandKeys("t", new int[10], 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
