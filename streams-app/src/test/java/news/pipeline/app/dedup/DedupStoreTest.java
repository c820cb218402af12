package news.pipeline.app.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import news.pipeline.avro.internal.DedupDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DedupStoreTest {

  @ParameterizedTest
  @ValueSource(strings = {"8c0de6de77f2d51c", "8c0de6de77f2d51c#9", "8c0de6de77f2d51c#255", "8c0de6de77f2d51c#256",
      "8c0de6de77f2d51c#0", "8c0de6de77f2d51c#07", "8C0DE6DE77F2D51C", "older", "r0-12345", "r0-123456", "r12-1234-u",
      "8c0de6de77f2d51c-recrawl", "ünïcode", ""})
  void documentIdsPackAndUnpackToThemselves(String id) {
    assertThat(StateKeys.documentId(StateKeys.packId(id))).isEqualTo(id);
  }

  @Test
  void projectDocumentIdsTakeEightBytesAndNineWithARelatedSuffix() {
    assertThat(StateKeys.packId("8c0de6de77f2d51c")).hasSize(8);
    assertThat(StateKeys.packId("8c0de6de77f2d51c#3")).hasSize(9);
  }

  @Test
  void expiryKeysSortByTimeThenId() {
    assertThat(StateKeys.expiry(999, "b")).isLessThan(StateKeys.expiry(1000, "a"));
    assertThat(StateKeys.expiry(1000, "a")).isLessThan(StateKeys.expiry(1000, "b"));
    assertThat(StateKeys.expiry(-5, "a")).isEqualTo(StateKeys.expiry(0, "a"));
    assertThat(StateKeys.expiryEntry(StateKeys.expiry(1_591_747_200_000L, "x|y")))
        .isEqualTo(new DedupStore.Expiry(1_591_747_200_000L, "x|y"));
  }

  @Test
  void bandAndMemberScansReturnTheirOwnEntriesOnly() {
    InMemoryDedupStore store = new InMemoryDedupStore();
    store.addToBand(7, "8c0de6de77f2d51c");
    store.addToBand(7, "older");
    store.addToBand(8, "8c0de6de77f2d51d");
    store.addMember("8c0de6de77f2d51c", "8c0de6de77f2d51c#2");
    store.addMember("8c0de6de77f2d51c#1", "x");
    store.addMember("8c0de6de77f2d51c", "y");

    assertThat(store.band(7, 64))
        .containsExactlyInAnyOrder(StateKeys.reference("8c0de6de77f2d51c"), StateKeys.reference("older"));
    assertThat(store.band(7, 1)).hasSize(1);
    assertThat(store.members("8c0de6de77f2d51c")).containsExactlyInAnyOrder("8c0de6de77f2d51c#2", "y");
    store.removeFromBand(7, "older");
    store.removeMember("8c0de6de77f2d51c", "y");
    assertThat(store.band(7, 64)).containsExactly(StateKeys.reference("8c0de6de77f2d51c"));
    assertThat(store.members("8c0de6de77f2d51c")).containsExactly("8c0de6de77f2d51c#2");
  }

  @Test
  void aReferenceResolvesToTheDocumentsThatHaveIt() {
    InMemoryDedupStore store = new InMemoryDedupStore();
    DedupDocument doc = DedupDocument.newBuilder().setParent(ByteBuffer.allocate(0)).setEventTime(5).build();
    store.putDocument("8c0de6de77f2d51c#2", doc);
    store.putDocument("older", doc);

    assertThat(store.documents(StateKeys.reference("8c0de6de77f2d51c#2")))
        .extracting(DedupStore.Remembered::id).containsExactly("8c0de6de77f2d51c#2");
    assertThat(store.documents(StateKeys.reference("older")).get(0).document().getEventTime()).isEqualTo(5);
    assertThat(store.document("older")).isNotNull();
    assertThat(store.documents(StateKeys.reference("absent"))).isEmpty();
  }

  @Test
  void expiredArticlesAreThoseBeforeTheCutoffOldestFirst() {
    InMemoryDedupStore store = new InMemoryDedupStore();
    store.putExpiry(3000, "c");
    store.putExpiry(1000, "a");
    store.putExpiry(2000, "b");

    assertThat(store.expiredArticles(2000, 10)).containsExactly(new DedupStore.Expiry(1000, "a"));
    assertThat(store.expiredArticles(5000, 2)).extracting(DedupStore.Expiry::articleId).isEqualTo(List.of("a", "b"));
  }

  @Test
  void documentsSharingAReferenceShareAStoreEntryAndStayApart() {
    java.util.Map<Integer, String> seen = new java.util.HashMap<>();
    String a = null;
    String b = null;
    for (int i = 0; a == null; i++) {
      String id = "c" + i;
      String other = seen.putIfAbsent(StateKeys.reference(id), id);
      if (other != null) {
        a = other;
        b = id;
      }
    }
    InMemoryDedupStore store = new InMemoryDedupStore();
    store.putDocument(a, DedupDocument.newBuilder().setParent(ByteBuffer.allocate(0)).setEventTime(1).build());
    store.putDocument(b, DedupDocument.newBuilder().setParent(ByteBuffer.allocate(0)).setEventTime(2).build());

    assertThat(store.documents).hasSize(1);
    assertThat(store.rememberedDocuments()).isEqualTo(2);
    assertThat(store.documents(StateKeys.reference(a))).extracting(DedupStore.Remembered::id).containsExactly(a, b);
    assertThat(store.document(b).getEventTime()).isEqualTo(2);
    store.deleteDocument(a);
    assertThat(store.document(a)).isNull();
    assertThat(store.document(b).getEventTime()).isEqualTo(2);
    store.deleteDocument(b);
    assertThat(store.documents).isEmpty();
  }

  @Test
  void aBandKeepsItsNewestSixtyFourDocuments() {
    InMemoryDedupStore store = new InMemoryDedupStore();
    for (int i = 0; i < 70; i++) {
      store.addToBand(3, "d" + i);
    }

    int[] band = store.band(3, 64);
    assertThat(band).hasSize(64);
    assertThat(band[0]).isEqualTo(StateKeys.reference("d6"));
    assertThat(band[63]).isEqualTo(StateKeys.reference("d69"));
    assertThat(store.bands.get(StateKeys.band(3))).hasSize(StateKeys.REFERENCE_BYTES * 64);
  }
}
