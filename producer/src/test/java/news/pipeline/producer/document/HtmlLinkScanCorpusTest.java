package news.pipeline.producer.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.detect.Gzip;
import news.pipeline.producer.publish.DocumentPublisher;
import org.junit.jupiter.api.Test;

/**
 * The byte scan against jsoup on real pages: the WCXB dev pages of the shared corpus (read in
 * place, {@code ../../shared/corpus/wcxb-dev/html} from the module folder, or the folder named by
 * the system property {@code wcxb.html}); skipped where the corpus is not there. Every page is
 * checked in the window {@link UrlExtractor} gives the scan, in a window just past the walked
 * bytes and in one inside them, that one also with a declared charset; wherever the scan answers,
 * its answer must be jsoup's. And every page must get the same URL, id and record key as it would
 * from jsoup alone.
 */
class HtmlLinkScanCorpusTest {

  private static final Path CORPUS =
      Path.of(System.getProperty("wcxb.html", String.join("/", "..", "..", "shared", "corpus", "wcxb-dev", "html")));

  @Test
  void answersAsJsoupDoesOnEveryWcxbPage() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "no WCXB corpus at " + CORPUS.toAbsolutePath());
    List<Path> pages;
    try (Stream<Path> files = Files.list(CORPUS)) {
      pages = files.filter(p -> p.getFileName().toString().endsWith(".html.gz")).sorted().toList();
    }
    assumeTrue(!pages.isEmpty(), "no .html.gz pages in " + CORPUS.toAbsolutePath());
    List<String> mismatches = new ArrayList<>();
    int cases = 0;
    int decided = 0;
    int decidedInUse = 0;
    for (Path page : pages) {
      byte[] body = Gzip.inflate(Files.readAllBytes(page), UrlExtractor.HTML_SCAN_BYTES * 4L);
      int inUse = Math.min(body.length, UrlExtractor.HTML_SCAN_BYTES);
      String jsoupInUse = UrlExtractor.fromHtmlWithJsoup(body, null);
      if (!sameDocumentAsJsoupAlone(body, jsoupInUse)) {
        mismatches.add(page.getFileName() + ": another URL, id or key than from jsoup alone");
      }
      // the window in use; one just past the walked bytes; one inside them, also with a charset
      int[] windows = {inUse, Math.min(inUse, HtmlLinkScan.FAST_SCAN_BYTES + 5_000), Math.min(inUse, 20_000), 20_000};
      String[] charsets = {null, null, null, "windows-1252"};
      for (int c = 0; c < windows.length; c++) {
        int window = Math.min(windows[c], inUse);
        if (c > 0 && c < 3 && window == inUse) {
          continue; // the page is shorter than this window: the first case covered it
        }
        cases++;
        String scanned = HtmlLinkScan.find(body, window, charsets[c]);
        if (scanned == HtmlLinkScan.INCONCLUSIVE) {
          continue;
        }
        decided++;
        if (c == 0) {
          decidedInUse++;
        }
        String parsed = c == 0 ? jsoupInUse
            : UrlExtractor.fromHtmlWithJsoup(window == body.length ? body : Arrays.copyOf(body, window), charsets[c]);
        if (!Objects.equals(scanned, parsed)) {
          mismatches.add(page.getFileName() + " window " + window + " charset " + charsets[c] + ": scan "
              + scanned + ", jsoup " + parsed);
        }
      }
    }
    System.out.printf("HtmlLinkScan on %d WCXB pages: %d of them decided in the window in use; %d of %d cases "
        + "decided, %d unlike jsoup%n", pages.size(), decidedInUse, decided, cases, mismatches.size());
    assertThat(mismatches).isEmpty();
  }

  /** The document as the producer builds it against one built with the URL jsoup alone finds. */
  private static boolean sameDocumentAsJsoupAlone(byte[] body, String parsed) {
    String url = parsed == null ? null : parsed.strip();
    if (url != null && !url.matches("(?i)^https?://[^\\s/]+\\S*$")) {
      url = null; // as UrlExtractor.find: absolute http(s) URLs only
    }
    RawDocument produced = RawDocuments.create("file:p.html", null, ContentType.HTML, body, Instant.EPOCH, null,
        Map.of(), Map.of());
    RawDocument jsoupAlone = RawDocuments.create("file:p.html", url, ContentType.HTML, body, Instant.EPOCH, null,
        Map.of(), Map.of());
    return Objects.equals(produced.getUrl(), jsoupAlone.getUrl())
        && produced.getId().equals(jsoupAlone.getId())
        && DocumentPublisher.recordKey(produced).equals(DocumentPublisher.recordKey(jsoupAlone));
  }
}
