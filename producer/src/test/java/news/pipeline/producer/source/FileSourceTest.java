package news.pipeline.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.Seeds;
import news.pipeline.producer.document.DocumentIds;
import news.pipeline.producer.document.RawDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {

  @TempDir Path dir;

  private final CollectingSink sink = new CollectingSink();

  private FileSource source(long maxBytes) {
    return new FileSource(sink, maxBytes, relative -> true);
  }

  private Path write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  @Test
  void foldersAreWalkedRecursivelyInSortedOrderWithoutHiddenFiles() throws IOException {
    write("b.txt", "b");
    write("a/z.txt", "z");
    write("a/c.txt", "c");
    write(".hidden.txt", "h");
    write(".git/config", "g");
    write("c.txt", "c2");

    source(1000).read(dir);

    assertThat(sink.sources()).containsExactly("file:a/c.txt", "file:a/z.txt", "file:b.txt", "file:c.txt");
    assertThat(sink.failed).isEmpty();
  }

  @Test
  void fileDocumentHasLastModifiedTimeAndNoUrl() throws IOException {
    Path file = write("dump.txt", "Skip to main content");
    Instant modified = Instant.parse("2020-06-11T02:01:00Z");
    Files.setLastModifiedTime(file, FileTime.from(modified));

    source(1000).read(file);

    RawDocument doc = sink.documents.get(0);
    assertThat(doc.getSource()).isEqualTo("file:dump.txt");
    assertThat(doc.getFetchedAt()).isEqualTo(modified);
    assertThat(doc.getUrl()).isNull();
    assertThat(doc.getContentType()).isEqualTo(ContentType.TEXT);
  }

  @Test
  void identicalBytesInTwoFilesAreOneDocument() throws IOException {
    write("one/x.txt", "same bytes");
    write("two/y.txt", "same bytes");
    source(1000).read(dir);
    assertThat(sink.documents).extracting(RawDocument::getId).containsOnly(DocumentIds.of(null, "same bytes".getBytes()));
  }

  @Test
  void gzipFilesAreInflatedAndDetectedByTheirInnerName() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write("<p>fragment".getBytes(StandardCharsets.UTF_8));
    }
    Files.write(dir.resolve("page.html.gz"), bytes.toByteArray());

    source(1000).read(dir);

    RawDocument doc = sink.documents.get(0);
    assertThat(doc.getContentType()).isEqualTo(ContentType.HTML);
    assertThat(new String(RawDocuments.bodyBytes(doc), StandardCharsets.UTF_8)).isEqualTo("<p>fragment");
  }

  @Test
  void sidecarsGiveUrlAndMetadataAndAreNotPublished() throws IOException {
    write("a.txt", "text a");
    write("a.txt.url", "\nhttps://example.com/a\n");
    write("b.html", "<html>b</html>");
    write("b.html.meta.json", "{\"url\": \"https://example.com/b\", \"fetchedAt\": \"2021-01-01T00:00:00Z\", \"metadata\": {\"crawl\": \"7\"}}");
    write("orphan.url", "https://example.com/orphan");

    source(1000).read(dir);

    assertThat(sink.sources()).containsExactly("file:a.txt", "file:b.html", "file:orphan.url");
    assertThat(sink.documents.get(0).getUrl()).isEqualTo("https://example.com/a");
    RawDocument b = sink.documents.get(1);
    assertThat(b.getUrl()).isEqualTo("https://example.com/b");
    assertThat(b.getContentType()).isEqualTo(ContentType.HTML);
    assertThat(b.getFetchedAt()).isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
    assertThat(b.getMetadata()).containsEntry("crawl", "7");
  }

  @Test
  void badSidecarFailsItsFile() throws IOException {
    write("a.txt", "text a");
    write("a.txt.meta.json", "{broken");
    source(1000).read(dir);
    assertThat(sink.documents).isEmpty();
    assertThat(sink.failed).singleElement().asString().startsWith("file:a.txt: bad sidecar a.txt.meta.json: not valid JSON");
  }

  @Test
  void filesOverTheLimitAreSkippedWithAReason() throws IOException {
    write("big.txt", "x".repeat(101));
    write("small.txt", "x".repeat(100));
    source(100).read(dir);
    assertThat(sink.sources()).containsExactly("file:small.txt");
    assertThat(sink.skipped).containsExactly("file:big.txt: file is 101 bytes, above the size limit of 100 bytes");
  }

  @Test
  void missingPathFails() {
    source(100).read(dir.resolve("nope"));
    assertThat(sink.failed).singleElement().asString().endsWith("no such file or folder");
  }

  @Test
  void seedsFolderGivesFiveDocuments() {
    source(10 * 1024 * 1024).read(Seeds.FOLDER);
    assertThat(sink.documents).hasSize(5);
    assertThat(sink.documents).extracting(RawDocument::getContentType)
        .containsExactly(ContentType.TEXT, ContentType.FRONT_MATTER, ContentType.TEXT, ContentType.TEXT, ContentType.TEXT);
  }

  @Test
  void jsonLinesFilesHoldOneEnvelopePerLineGzippedOrNot() throws IOException {
    Path plain =
        write(
            "crawl.jsonl",
            """
            {"url": "https://example.com/1", "body": "<html>one</html>"}
            {"body": "two", "fetchedAt": 1591840860000}
            not an envelope
            """);
    Instant modified = Instant.parse("2020-06-11T02:01:00Z");
    Files.setLastModifiedTime(plain, FileTime.from(modified));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write("{\"body\": \"three\", \"source\": \"crawler-9\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.write(dir.resolve("more.jsonl.gz"), bytes.toByteArray());

    source(1000).read(dir);

    assertThat(sink.sources()).containsExactly("file:crawl.jsonl", "file:crawl.jsonl", "crawler-9");
    assertThat(sink.documents.get(0).getContentType()).isEqualTo(ContentType.HTML);
    assertThat(sink.documents.get(0).getFetchedAt()).isEqualTo(modified);
    assertThat(sink.documents.get(1).getFetchedAt()).isEqualTo(Instant.ofEpochMilli(1591840860000L));
    assertThat(sink.failed).singleElement().asString().startsWith("file:crawl.jsonl line 3: not valid JSON");
  }

  @Test
  void jsonLinesFilesAreNotLimitedByTheFileSize() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      lines.append("{\"body\": \"document ").append(i).append("\"}\n");
    }
    write("many.ndjson", lines.toString());
    source(100).read(dir);
    assertThat(sink.documents).hasSize(20);
    assertThat(sink.skipped).isEmpty();
  }
}
