package news.pipeline.producer.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.GZIPOutputStream;
import news.pipeline.avro.ContentType;
import news.pipeline.producer.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypeDetectorTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvFileSource(resources = "/seeds-expected.csv")
  void seedFilesAreDetected(String file, ContentType expected, String ignoredUrl) throws IOException {
    byte[] bytes = Files.readAllBytes(Seeds.file(file));
    assertThat(ContentTypeDetector.detect(file, bytes)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          HTML         | <!DOCTYPE html><html><head></head></html>
          HTML         | '  \\n\\n<html lang="en">'
          HTML         | <head><title>x</title></head>
          HTML         | <BODY class=a>hi</BODY>
          HTML         | <div id="main">story</div>
          HTML         | <!-- saved by a crawler --> <html>
          HTML         | <?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">
          FRONT_MATTER | '---\\ntitle: "A story"\\nwebUrl: https://example.com/a\\n'
          FRONT_MATTER | '---\\n---\\nbody'
          FRONT_MATTER | '---\\r\\ncategory: news\\r\\n'
          JSON         | {"title": "A story"}
          JSON         | '  \\n {"a":1}'
          TEXT         | Skip to main content
          TEXT         | '---\\n\\nA text dump that starts with a rule line'
          TEXT         | <3 a page that starts with a heart
          TEXT         | <divine> is not a tag we know
          TEXT         | ''
          TEXT         | '[1, 2, 3]'
          """)
  void contentDecides(ContentType expected, String content) {
    String unescaped = content.replace("\\r", "\r").replace("\\n", "\n");
    assertThat(ContentTypeDetector.detect(unescaped.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
  }

  @Test
  void byteOrderMarkIsSkipped() {
    byte[] utf8 = "\uFEFF<!doctype html><p>x".getBytes(StandardCharsets.UTF_8);
    byte[] utf16 = "\uFEFF<html><body>".getBytes(StandardCharsets.UTF_16BE);
    assertThat(ContentTypeDetector.detect(utf8)).isEqualTo(ContentType.HTML);
    assertThat(ContentTypeDetector.detect(utf16)).isEqualTo(ContentType.HTML);
  }

  @Test
  void gzipBodiesAreSniffedInflated() throws IOException {
    byte[] page = gzip("<html><head><title>t</title></head></html>");
    byte[] record = gzip("---\ntitle: t\n---\n");
    assertThat(Gzip.hasMagic(page)).isTrue();
    assertThat(ContentTypeDetector.detect("page.gz", page)).isEqualTo(ContentType.HTML);
    assertThat(ContentTypeDetector.detect(null, record)).isEqualTo(ContentType.FRONT_MATTER);
  }

  @Test
  void nameBreaksTheTieWhenTheBytesSayNothing() {
    byte[] fragment = "Hello <b>world</b>".getBytes(StandardCharsets.UTF_8);
    assertThat(ContentTypeDetector.detect("fragment.html", fragment)).isEqualTo(ContentType.HTML);
    assertThat(ContentTypeDetector.detect("fragment.htm.gz", fragment)).isEqualTo(ContentType.HTML);
    assertThat(ContentTypeDetector.detect("list.json", "[1]".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(ContentType.JSON);
    assertThat(ContentTypeDetector.detect("notes.txt", fragment)).isEqualTo(ContentType.TEXT);
  }

  @Test
  void contentWinsOverTheName() {
    byte[] html = "<!doctype html><html>".getBytes(StandardCharsets.UTF_8);
    assertThat(ContentTypeDetector.detect("dump.txt", html)).isEqualTo(ContentType.HTML);
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
