package news.pipeline.app.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import org.junit.jupiter.api.Test;

class LatestViewTest {

  @Test
  void keepsTheLatestVersionPerKeyAndDropsTombstonedKeys() {
    LatestView<String> view = new LatestView<>();
    view.accept("a", "a1");
    view.accept("b", "b1");
    view.accept("a", "a2");
    view.accept("c", "c1");
    view.accept("b", null);

    assertThat(view.live(Comparator.naturalOrder())).containsExactly("a2", "c1");
    assertThat(view.size()).isEqualTo(2);
  }

  @Test
  void aKeyWrittenAgainAfterItsTombstoneIsLiveAgain() {
    LatestView<String> view = new LatestView<>();
    view.accept("a", "a1");
    view.accept("a", null);
    view.accept("a", "a3");

    assertThat(view.live(Comparator.naturalOrder())).containsExactly("a3");
  }
}
