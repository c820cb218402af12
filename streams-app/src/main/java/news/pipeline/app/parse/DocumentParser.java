package news.pipeline.app.parse;

import java.nio.ByteBuffer;
import java.util.List;
import news.pipeline.app.clean.Charsets;
import news.pipeline.app.clean.CleanedPage;
import news.pipeline.app.clean.HtmlCleaner;
import news.pipeline.app.clean.TextDumpCleaner;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.detect.ContentTypeDetector;

/**
 * Turns one {@link RawDocument} into article drafts: decodes the bytes with the right charset,
 * detects the format when the producer did not, and hands the text to the HTML cleaner, the text
 * dump cleaner or the metadata record parser. Never throws for bad input: it returns a rejection.
 */
public final class DocumentParser {

  static final String STAGE = "parse";

  private final long maxDocumentBytes;
  private final HtmlCleaner htmlCleaner = new HtmlCleaner();
  private final TextDumpCleaner textCleaner = new TextDumpCleaner();
  private final MetadataRecordParser metadataParser;

  public DocumentParser(long maxDocumentBytes) {
    this.maxDocumentBytes = maxDocumentBytes;
    this.metadataParser = new MetadataRecordParser((int) Math.min(Integer.MAX_VALUE, maxDocumentBytes));
  }

  public ParseResult parse(RawDocument raw) {
    ByteBuffer buffer = raw.getBody();
    int size = buffer == null ? 0 : buffer.remaining();
    if (size == 0) {
      return ParseResult.rejected(Rejection.of("limits", "empty body"));
    }
    if (size > maxDocumentBytes) {
      return ParseResult.rejected(
          Rejection.of("limits", "body of " + size + " bytes exceeds limits.max.document.bytes=" + maxDocumentBytes));
    }
    byte[] bytes = new byte[size];
    buffer.duplicate().get(bytes);
    ContentType type = raw.getContentType();
    if (type == null || type == ContentType.UNKNOWN) {
      type = ContentTypeDetector.detect(bytes);
    }
    String text = Charsets.decode(bytes, raw.getCharset());
    if (looksBinary(text)) {
      return ParseResult.rejected(Rejection.of(STAGE, "body is binary, not text (" + type + " declared)"));
    }
    return switch (type) {
      case HTML -> page(htmlCleaner.clean(text, raw.getUrl()), raw.getUrl());
      case FRONT_MATTER -> metadataParser.frontMatter(text);
      case JSON -> metadataParser.json(text);
      case TEXT, UNKNOWN -> page(textCleaner.clean(text), raw.getUrl());
    };
  }

  private static ParseResult page(CleanedPage page, String fetchUrl) {
    boolean hasText = page.text() != null && !page.text().isBlank();
    if (!hasText && page.title() == null) {
      return ParseResult.rejected(Rejection.of("clean", "no article text or title found"));
    }
    java.util.LinkedHashSet<String> urls = new java.util.LinkedHashSet<>();
    if (page.canonicalUrl() != null) {
      urls.add(page.canonicalUrl());
    }
    if (fetchUrl != null) {
      urls.add(fetchUrl);
    }
    urls.addAll(page.aliasUrls());
    return ParseResult.of(List.of(new ArticleDraft(page, List.copyOf(urls), List.of())));
  }

  /** More than 1% control characters other than whitespace: not a text document. */
  private static boolean looksBinary(String text) {
    int control = 0;
    int sample = Math.min(text.length(), 8192);
    for (int i = 0; i < sample; i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        control++;
      }
    }
    return control * 100 > sample;
  }
}
