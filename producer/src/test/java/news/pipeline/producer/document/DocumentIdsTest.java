package news.pipeline.producer.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import news.pipeline.avro.RawDocument;
import org.junit.jupiter.api.Test;

class DocumentIdsTest {

  private static final byte[] BODY = "Amazon halts police use".getBytes(StandardCharsets.UTF_8);

  @Test
  void idIsSixteenHexCharactersOfTheDocumentedFormula() {
    String bodyHash = DocumentIds.sha256Hex(BODY);
    String expected =
        DocumentIds.sha256Hex(("https://example.com/a\n" + bodyHash).getBytes(StandardCharsets.UTF_8))
            .substring(0, 16);
    assertThat(DocumentIds.of("https://example.com/a", BODY)).isEqualTo(expected).matches("[0-9a-f]{16}");
  }

  @Test
  void sameUrlAndBytesGiveTheSameIdWhoeverSendsThemAndWhenever() {
    RawDocument first = RawDocuments.create("file:a.txt", null, BODY, Instant.EPOCH, null, Map.of(), Map.of());
    RawDocument second =
        RawDocuments.create("crawler-7", null, BODY.clone(), Instant.now(), "UTF-8", Map.of("x", "y"), Map.of());
    assertThat(first.getId()).isEqualTo(second.getId()).isEqualTo(DocumentIds.of(null, BODY));
  }

  @Test
  void differentBytesOrDifferentUrlsGiveDifferentIds() {
    byte[] other = "Amazon halts police use.".getBytes(StandardCharsets.UTF_8);
    assertThat(DocumentIds.of(null, BODY)).isNotEqualTo(DocumentIds.of(null, other));
    assertThat(DocumentIds.of("https://a.example/x", BODY)).isNotEqualTo(DocumentIds.of("https://b.example/x", BODY));
    assertThat(DocumentIds.of(null, BODY)).isNotEqualTo(DocumentIds.of("https://a.example/x", BODY));
  }

  @Test
  void emptyBodyHasAnIdToo() {
    assertThat(DocumentIds.of(null, new byte[0])).hasSize(16);
  }
}
