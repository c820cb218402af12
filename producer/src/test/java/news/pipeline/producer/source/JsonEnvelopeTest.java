package news.pipeline.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.document.DocumentIds;
import news.pipeline.producer.document.RawDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonEnvelopeTest {

  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

  private static JsonEnvelope.Parsed parse(String json) {
    return JsonEnvelope.parse(json, "stdin", () -> NOW);
  }

  @Test
  void fullEnvelopeBecomesADocument() {
    JsonEnvelope.Parsed parsed =
        parse(
            """
            {"url": "https://example.com/a", "body": "<html><body>Hi</body></html>",
             "contentType": "text/html; charset=UTF-8", "fetchedAt": "2020-06-11T02:01:00Z",
             "source": "crawler-1", "headers": {"Content-Type": "text/html", "Set-Cookie": ["a=1", "b=2"]},
             "metadata": {"depth": 2, "seed": true}, "ignored": 1}""");
    assertThat(parsed.error()).isNull();
    RawDocument doc = parsed.document();
    assertThat(doc.getUrl()).isEqualTo("https://example.com/a");
    assertThat(doc.getContentType()).isEqualTo(ContentType.HTML);
    assertThat(doc.getCharset()).isEqualTo("UTF-8");
    assertThat(doc.getFetchedAt()).isEqualTo(Instant.parse("2020-06-11T02:01:00Z"));
    assertThat(doc.getSource()).isEqualTo("crawler-1");
    assertThat(doc.getHeaders()).containsEntry("content-type", "text/html").containsEntry("set-cookie", "a=1, b=2");
    assertThat(doc.getMetadata()).containsEntry("depth", "2").containsEntry("seed", "true");
    assertThat(new String(RawDocuments.bodyBytes(doc), StandardCharsets.UTF_8)).isEqualTo("<html><body>Hi</body></html>");
  }

  @Test
  void minimalEnvelopeGetsDefaultsAndDetection() {
    RawDocument doc = parse("{\"body\": \"---\\ntitle: t\\nurl: https://example.com/fm\\n---\\n\"}").document();
    assertThat(doc.getSource()).isEqualTo("stdin");
    assertThat(doc.getFetchedAt()).isEqualTo(NOW);
    assertThat(doc.getContentType()).isEqualTo(ContentType.FRONT_MATTER);
    assertThat(doc.getUrl()).isEqualTo("https://example.com/fm");
    assertThat(doc.getCharset()).isNull();
  }

  @Test
  void base64BodyKeepsExactBytesAndEpochMillisWork() {
    byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    String json =
        "{\"bodyBase64\": \"" + Base64.getEncoder().encodeToString(latin1)
            + "\", \"charset\": \"ISO-8859-1\", \"fetchedAt\": 1591840860000, \"contentType\": \"text\"}";
    RawDocument doc = parse(json).document();
    assertThat(RawDocuments.bodyBytes(doc)).isEqualTo(latin1);
    assertThat(doc.getFetchedAt()).isEqualTo(Instant.ofEpochMilli(1591840860000L));
    assertThat(doc.getContentType()).isEqualTo(ContentType.TEXT);
    assertThat(doc.getId()).isEqualTo(DocumentIds.of(null, latin1));
  }

  @Test
  void textBodyIsEncodedWithTheDeclaredCharset() {
    RawDocument doc = parse("{\"body\": \"caf\u00e9\", \"charset\": \"ISO-8859-1\"}").document();
    assertThat(RawDocuments.bodyBytes(doc)).isEqualTo(new byte[] {'c', 'a', 'f', (byte) 0xE9});
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          not JSON                  | {"body": "x"                                  | not valid JSON
          an array                  | [1, 2]                                        | not a JSON object
          no body                   | {"url": "https://example.com"}                | has no body
          two bodies                | {"body": "x", "bodyBase64": "eA=="}           | has both "body" and "bodyBase64"
          bad base64                | {"bodyBase64": "***"}                         | "bodyBase64" is not valid base64
          bad date                  | {"body": "x", "fetchedAt": "yesterday"}       | "fetchedAt" "yesterday" is neither
          bad content type          | {"body": "x", "contentType": "HMTL"}          | unknown "contentType" "HMTL"
          bad charset               | {"body": "x", "charset": "no-such-charset"}   | unknown charset "no-such-charset"
          headers not an object     | {"body": "x", "headers": "a: b"}              | "headers" must be a JSON object
          url not a string          | {"body": "x", "url": 7}                       | "url" must be a string
          """)
  void badEnvelopesSayWhy(String ignoredCase, String json, String expectedError) {
    JsonEnvelope.Parsed parsed = parse(json);
    assertThat(parsed.isOk()).isFalse();
    assertThat(parsed.error()).contains(expectedError);
  }

  @Test
  void sidecarDescribesAGivenBody() {
    byte[] body = "words".getBytes(StandardCharsets.UTF_8);
    JsonEnvelope.Parsed parsed =
        JsonEnvelope.describing(
            "{\"url\": \"https://example.com/s\", \"headers\": {\"X-A\": \"1\"}}",
            body, ContentType.HTML, "file:a", () -> NOW);
    assertThat(parsed.document().getUrl()).isEqualTo("https://example.com/s");
    assertThat(parsed.document().getContentType()).isEqualTo(ContentType.HTML);
    assertThat(parsed.document().getHeaders()).isEqualTo(Map.of("x-a", "1"));
    assertThat(parsed.document().getSource()).isEqualTo("file:a");
  }
}
