package news.pipeline.producer.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import org.junit.jupiter.api.Test;

class RawDocumentsTest {

  private static final Instant FETCHED = Instant.parse("2020-06-11T02:01:00.123456Z");

  @Test
  void fieldsAreFilledAndHeaderNamesLowerCased() {
    byte[] body = "plain words".getBytes(StandardCharsets.UTF_8);
    RawDocument doc =
        RawDocuments.create(
            "crawler", "https://example.com/a", body, FETCHED, "UTF-8",
            Map.of("Content-Type", "text/plain"), Map.of("depth", "2"));
    assertThat(doc.getUrl()).isEqualTo("https://example.com/a");
    assertThat(doc.getContentType()).isEqualTo(ContentType.TEXT);
    assertThat(doc.getCharset()).isEqualTo("UTF-8");
    assertThat(doc.getFetchedAt()).isEqualTo(Instant.parse("2020-06-11T02:01:00.123Z"));
    assertThat(doc.getSource()).isEqualTo("crawler");
    assertThat(doc.getHeaders()).containsExactly(Map.entry("content-type", "text/plain"));
    assertThat(doc.getMetadata()).containsExactly(Map.entry("depth", "2"));
    assertThat(RawDocuments.bodyBytes(doc)).isEqualTo(body);
    assertThat(doc.getId()).isEqualTo(DocumentIds.of("https://example.com/a", body));
  }

  @Test
  void urlComesFromTheCanonicalLinkWhenNotGiven() {
    byte[] html =
        """
        <!doctype html><html><head>
        <meta property="og:url" content="https://example.com/og">
        <link rel="canonical" href="https://example.com/story">
        </head><body>x</body></html>"""
            .getBytes(StandardCharsets.UTF_8);
    RawDocument doc = RawDocuments.create("file:a.html", null, html, FETCHED, null, null, null);
    assertThat(doc.getContentType()).isEqualTo(ContentType.HTML);
    assertThat(doc.getUrl()).isEqualTo("https://example.com/story");
    assertThat(doc.getId()).isEqualTo(DocumentIds.of("https://example.com/story", html));
  }

  @Test
  void givenUrlWinsOverTheDeclaredOne() {
    byte[] html = "<html><head><link rel=canonical href=https://example.com/c></head>".getBytes(StandardCharsets.UTF_8);
    RawDocument doc = RawDocuments.create("s", "https://example.com/amp", html, FETCHED, null, null, null);
    assertThat(doc.getUrl()).isEqualTo("https://example.com/amp");
  }

  @Test
  void givenContentTypeIsKept() {
    byte[] body = "Hello".getBytes(StandardCharsets.UTF_8);
    RawDocument doc = RawDocuments.create("s", null, ContentType.HTML, body, FETCHED, null, null, null);
    assertThat(doc.getContentType()).isEqualTo(ContentType.HTML);
  }
}
