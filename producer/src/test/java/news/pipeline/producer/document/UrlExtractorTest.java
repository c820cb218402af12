package news.pipeline.producer.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import news.pipeline.avro.ContentType;
import news.pipeline.producer.Seeds;
import news.pipeline.producer.detect.ContentTypeDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class UrlExtractorTest {

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/seeds-expected.csv")
  void seedUrlsAreFoundOnlyWhereDeclared(String file, ContentType ignored, String expectedUrl) throws IOException {
    byte[] bytes = Files.readAllBytes(Seeds.file(file));
    assertThat(UrlExtractor.find(ContentTypeDetector.detect(file, bytes), bytes, null).orElse(null))
        .isEqualTo(expectedUrl);
  }

  @Test
  void frontMatterIgnoresNestedUrlsAndQuotes() {
    String record =
        """
        ---
        related:
          - webUrl: "https://nested.example/x"
        url: 'https://example.com/top'  
        ---
        """;
    assertThat(UrlExtractor.fromFrontMatter(record)).isEqualTo("https://example.com/top");
  }

  @Test
  void ogUrlIsTheFallbackForHtml() {
    byte[] html = "<html><head><meta property='og:url' content=' https://example.com/og '></head>".getBytes(StandardCharsets.UTF_8);
    assertThat(UrlExtractor.find(ContentType.HTML, html, null)).contains("https://example.com/og");
  }

  @Test
  void relativeOrNonHttpUrlsDoNotCount() {
    byte[] html = "<html><head><link rel=canonical href=/story></head>".getBytes(StandardCharsets.UTF_8);
    byte[] json = "{\"url\": \"ftp://example.com/x\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(UrlExtractor.find(ContentType.HTML, html, null)).isEmpty();
    assertThat(UrlExtractor.find(ContentType.JSON, json, null)).isEmpty();
  }

  @Test
  void jsonTopLevelWebUrlWinsOverUrl() {
    byte[] json =
        "{\"url\": \"https://example.com/u\", \"webUrl\": \"https://example.com/w\", \"related\": [{\"url\": \"https://x.example\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(UrlExtractor.find(ContentType.JSON, json, null)).contains("https://example.com/w");
  }

  @Test
  void brokenJsonHasNoUrl() {
    byte[] json = "{\"url\": ".getBytes(StandardCharsets.UTF_8);
    assertThat(UrlExtractor.find(ContentType.JSON, json, null)).isEmpty();
  }
}
