package news.pipeline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.DedupDecision;
import news.pipeline.avro.RawDocument;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.avro.internal.ClusterState;
import news.pipeline.avro.internal.DedupDocument;

/**
 * Backward compatibility: every schema version ever written stays in {@code avro/history}, the
 * current schema is the newest of them, and the current schema reads every older one.
 */
class SchemaHistoryTest {

  static Stream<Schema> currentSchemas() {
    return Stream.of(
        RawDocument.getClassSchema(),
        CanonicalArticle.getClassSchema(),
        DedupDecision.getClassSchema(),
        ArticleCandidate.getClassSchema(),
        DedupDocument.getClassSchema(),
        ClusterState.getClassSchema());
  }

  @ParameterizedTest
  @MethodSource("currentSchemas")
  void currentSchemaIsTheNewestHistoryEntry(Schema current) {
    List<Schema> history = SchemaHistory.versions(current.getName());
    assertThat(history)
        .as("add the changed %s schema as a new avro/history file and bump SchemaHistory.VERSIONS", current.getName())
        .isNotEmpty();
    assertThat(SchemaNormalization.parsingFingerprint64(history.get(history.size() - 1)))
        .as("%s changed without a new history entry", current.getName())
        .isEqualTo(SchemaNormalization.parsingFingerprint64(current));
  }

  @ParameterizedTest
  @MethodSource("currentSchemas")
  void currentSchemaReadsEveryEarlierVersion(Schema current) {
    for (Schema old : SchemaHistory.versions(current.getName())) {
      SchemaCompatibility.SchemaPairCompatibility result =
          SchemaCompatibility.checkReaderWriterCompatibility(current, old);
      assertThat(result.getType()).as(result.getDescription()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @Test
  void compatibilityCheckRejectsANewRequiredField() {
    Schema current = RawDocument.getClassSchema();
    String json = current.toString().replaceFirst("\"fields\":\\[", "\"fields\":[{\"name\":\"mustHave\",\"type\":\"string\"},");
    Schema incompatible = new Schema.Parser().parse(json);

    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(incompatible, current).getType())
        .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }

  @Test
  void aCanonicalArticleWrittenWithVersionOneDecodesWithTheCurrentClass() throws Exception {
    Schema v1 = SchemaHistory.versions("CanonicalArticle").get(0);
    org.apache.avro.generic.GenericRecord old = new org.apache.avro.generic.GenericData.Record(v1);
    old.put("id", "a1");
    old.put("title", "Old title");
    old.put("urls", List.of("https://example.com/a"));
    old.put("authors", List.of());
    old.put("wordCount", 3);
    old.put("topics", List.of());
    old.put("isArticle", true);
    old.put("firstSeen", 1_000L);
    old.put("lastSeen", 2_000L);
    old.put("members", List.of());
    byte[] bytes =
        new org.apache.avro.message.BinaryMessageEncoder<org.apache.avro.generic.GenericRecord>(
                org.apache.avro.generic.GenericData.get(), v1)
            .encode(old)
            .array();

    CanonicalArticle read = EventSerdes.canonicalArticle().decode(bytes);

    assertThat(read.getTitle()).isEqualTo("Old title");
    assertThat(read.getMemberCount()).as("field added in v2 takes its default").isZero();
    assertThat(read.getLastSeen().toEpochMilli()).isEqualTo(2_000L);
  }

  @Test
  void storeResolvesEveryHistoricalFingerprint() {
    currentSchemas()
        .flatMap(s -> SchemaHistory.versions(s.getName()).stream())
        .forEach(
            old ->
                assertThat(SchemaHistory.store().findByFingerprint(SchemaNormalization.parsingFingerprint64(old)))
                    .isNotNull());
    assertThat(SpecificData.get()).isNotNull();
  }
}
