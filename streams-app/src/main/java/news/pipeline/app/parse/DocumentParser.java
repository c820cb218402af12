package news.pipeline.app.parse;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import news.pipeline.app.clean.Charsets;
import news.pipeline.app.clean.CleanedPage;
import news.pipeline.app.clean.HtmlCleaner;
import news.pipeline.app.clean.TextDumpCleaner;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.detect.ContentTypeDetector;

/**
 * Turns one {@link RawDocument} into article drafts: decodes the bytes with the right charset,
 * detects the format when the producer did not, and hands the text to the HTML cleaner, the text
 * dump cleaner or the metadata record parser. Never throws for bad input: it returns a rejection.
 *
 * <p>Budgets keep one document from stalling its partition: the body size, the fetch time (a
 * fetch time outside {@link #EARLIEST_FETCH} to a day past now would move stream time), the HTML
 * shape (element count and nesting depth, checked before any DOM is built) and the time the parse
 * and clean may take ({@link ParseBudget}).
 */
public final class DocumentParser implements AutoCloseable {

  static final String STAGE = "parse";
  static final String LIMITS = "limits";
  private static final String INTERNAL_ERROR = "internal error while parsing: ";

  /** Fetch times before this are not real crawls (no web crawler ran before 1990). */
  public static final Instant EARLIEST_FETCH = Instant.parse("1990-01-01T00:00:00Z");

  /** How far a fetch time may lie in the future of the processing clock (clock skew). */
  public static final Duration FUTURE_SKEW = Duration.ofDays(1);

  private final long maxDocumentBytes;
  private final PipelineConfig.Limits limits;
  private final ParseBudget budget;
  private final HtmlCleaner htmlCleaner = new HtmlCleaner();
  private final TextDumpCleaner textCleaner = new TextDumpCleaner();
  private final MetadataRecordParser metadataParser;

  /** A parser that parses one document at a time. */
  public DocumentParser(long maxDocumentBytes, PipelineConfig.Limits limits) {
    this(maxDocumentBytes, limits, 1);
  }

  /** A parser whose started parses run on up to {@code workers} threads at once ({@code parse.workers}). */
  public DocumentParser(long maxDocumentBytes, PipelineConfig.Limits limits, int workers) {
    this.maxDocumentBytes = maxDocumentBytes;
    this.limits = limits;
    this.budget = new ParseBudget(limits.parseTimeout(), workers);
    this.metadataParser = new MetadataRecordParser((int) Math.min(Integer.MAX_VALUE, maxDocumentBytes));
  }

  public ParseResult parse(RawDocument raw) {
    return finish(start(raw));
  }

  /**
   * Work done on the parse worker right after a parse that found drafts, under the same budget: the
   * topology's enrich step, so that the stream thread, which dedup keeps to one record at a time,
   * only takes the finished candidates.
   */
  @FunctionalInterface
  public interface FollowUp<T> {
    T apply(RawDocument raw, List<ArticleDraft> drafts);
  }

  /**
   * A finished parse. When the parse found drafts and a follow-up was given, {@code followed} is its
   * value, or {@code followUpError} the exception it threw (a bug in our code: the caller throws it
   * again, so that the record goes to the dead-letter queue whole); {@code followUpNanos} its time.
   */
  public record Parsed<T>(ParseResult result, T followed, RuntimeException followUpError, long followUpNanos) {

    static <T> Parsed<T> of(ParseResult result) {
      return new Parsed<>(result, null, null, 0);
    }
  }

  /**
   * A parse under way: either its result already (the document failed a check before any parsing)
   * or the work queued on the budget's worker.
   */
  public static final class Started<T> {
    private final Parsed<T> immediate;
    private final ParseBudget.Pending<Parsed<T>> pending;

    private Started(Parsed<T> immediate, ParseBudget.Pending<Parsed<T>> pending) {
      this.immediate = immediate;
      this.pending = pending;
    }

    /** Whether the result is ready, so that {@link #finish} returns without waiting. */
    public boolean isDone() {
      return immediate != null || pending.isDone();
    }
  }

  /**
   * Checks the document and queues its parse on the worker, returning at once: the caller can do
   * other work (the previous record's) while the page is parsed. {@link #finish} gives the result.
   */
  public Started<Void> start(RawDocument raw) {
    return start(raw, null);
  }

  /**
   * {@link #start(RawDocument)}, with {@code followUp} run on the worker after a parse that found
   * drafts ({@code null}: none); {@link #await} gives the parse's result and the follow-up's.
   */
  public <T> Started<T> start(RawDocument raw, FollowUp<T> followUp) {
    ByteBuffer buffer = raw.getBody();
    int size = buffer == null ? 0 : buffer.remaining();
    if (size == 0) {
      return new Started<>(Parsed.of(ParseResult.rejected(Rejection.of(LIMITS, "empty body"))), null);
    }
    if (size > maxDocumentBytes) {
      return new Started<>(Parsed.of(ParseResult.rejected(
          Rejection.of(LIMITS, "body of " + size + " bytes exceeds limits.max.document.bytes=" + maxDocumentBytes))), null);
    }
    Rejection badTime = checkFetchTime(raw.getFetchedAt());
    if (badTime != null) {
      return new Started<>(Parsed.of(ParseResult.rejected(badTime)), null);
    }
    byte[] bytes = bodyBytes(buffer, size);
    return new Started<>(null, budget.submit(() -> followed(raw, parseWithinBudget(raw, bytes), followUp)));
  }

  private static <T> Parsed<T> followed(RawDocument raw, ParseResult result, FollowUp<T> followUp) {
    if (followUp == null || result.isRejected()) {
      return Parsed.of(result);
    }
    long start = System.nanoTime();
    try {
      T value = followUp.apply(raw, result.drafts());
      return new Parsed<>(result, value, null, System.nanoTime() - start);
    } catch (RuntimeException e) {
      return new Parsed<>(result, null, e, System.nanoTime() - start);
    }
  }

  /** Waits for a started parse, within its budget; a rejection when the budget ran out or the parse failed. */
  public ParseResult finish(Started<?> started) {
    return await(started).result();
  }

  /** {@link #finish}, with the follow-up's value or exception. */
  public <T> Parsed<T> await(Started<T> started) {
    if (started.immediate != null) {
      return started.immediate;
    }
    ParseBudget.Outcome<Parsed<T>> outcome = budget.await(started.pending);
    if (outcome.timedOut()) {
      return Parsed.of(ParseResult.rejected(
          Rejection.of(LIMITS, "parse and clean took longer than limits.parse.timeout.ms=" + limits.parseTimeout().toMillis())));
    }
    if (outcome.error() != null) {
      Throwable e = outcome.error();
      return Parsed.of(ParseResult.rejected(new Rejection(STAGE, INTERNAL_ERROR + e, e.getClass().getName())));
    }
    return outcome.value();
  }

  /**
   * The body's bytes, read only. The Avro decoder gives each body its own heap buffer of exactly its
   * size, so that array is used as it is; any other buffer is copied (a 265 KB page was copied once
   * more for nothing).
   */
  private static byte[] bodyBytes(ByteBuffer buffer, int size) {
    if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0 && buffer.array().length == size) {
      return buffer.array();
    }
    byte[] bytes = new byte[size];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  /** Whether a rejection comes from an exception in our own code (a bug), not from the input. */
  public static boolean isInternalError(Rejection rejection) {
    return rejection.exceptionClass() != null && rejection.reason().startsWith(INTERNAL_ERROR);
  }

  private ParseResult parseWithinBudget(RawDocument raw, byte[] bytes) {
    ContentType type = raw.getContentType();
    if (type == null || type == ContentType.UNKNOWN) {
      type = ContentTypeDetector.detect(bytes);
    }
    String text = Charsets.decode(bytes, raw.getCharset());
    if (looksBinary(text)) {
      return ParseResult.rejected(Rejection.of(STAGE, "body is binary, not text (" + type + " declared)"));
    }
    text = withoutControlCharacters(text);
    return switch (type) {
      case HTML -> html(text, raw.getUrl());
      case FRONT_MATTER -> metadataParser.frontMatter(text);
      case JSON -> metadataParser.json(text);
      case TEXT, UNKNOWN -> page(textCleaner.clean(text), raw.getUrl());
    };
  }

  private ParseResult html(String text, String url) {
    HtmlShape shape = HtmlShape.of(text);
    if (shape.maxDepth() > limits.maxHtmlDepth()) {
      return ParseResult.rejected(
          Rejection.of(LIMITS, "HTML nests " + shape.maxDepth() + " elements deep, above limits.max.html.depth="
              + limits.maxHtmlDepth()));
    }
    if (shape.elements() > limits.maxHtmlElements()) {
      return ParseResult.rejected(
          Rejection.of(LIMITS, "HTML has " + shape.elements() + " elements, above limits.max.html.elements="
              + limits.maxHtmlElements()));
    }
    return page(htmlCleaner.clean(text, url), url);
  }

  private static Rejection checkFetchTime(Instant fetchedAt) {
    if (fetchedAt == null) {
      return Rejection.of(STAGE, "no fetch time");
    }
    if (fetchedAt.isBefore(EARLIEST_FETCH)) {
      return Rejection.of(STAGE, "fetch time " + fetchedAt + " is before " + EARLIEST_FETCH + ": not a real crawl");
    }
    if (fetchedAt.isAfter(Instant.now().plus(FUTURE_SKEW))) {
      return Rejection.of(STAGE, "fetch time " + fetchedAt + " is in the future; it would move stream time");
    }
    return null;
  }

  private static ParseResult page(CleanedPage page, String fetchUrl) {
    boolean hasText = page.text() != null && !page.text().isBlank();
    if (!hasText && page.title() == null) {
      return ParseResult.rejected(Rejection.of("clean", "no article text or title found"));
    }
    LinkedHashSet<String> urls = new LinkedHashSet<>();
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

  /** NUL and other C0 controls (a few in an otherwise good page) are dropped, not passed on. */
  static String withoutControlCharacters(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F;
      if (control && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      } else if (!control && out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  @Override
  public void close() {
    budget.close();
  }
}
