package news.pipeline.producer.source;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Reads JSON envelopes one per line (stdin, {@code .jsonl} files) into a sink. A bad line is
 * reported as failed with its line number and reading goes on; blank lines are ignored; a line
 * longer than the limit is skipped without being held in memory.
 *
 * <p>{@code new JsonLines(sink, 30_000_000).read(reader, "stdin", "stdin", Instant::now);}
 */
public final class JsonLines {

  private final DocumentSink sink;
  private final long maxLineChars;

  /**
   * @param sink where documents and problems go
   * @param maxLineChars longest line read; longer lines are skipped
   */
  public JsonLines(DocumentSink sink, long maxLineChars) {
    this.sink = sink;
    this.maxLineChars = maxLineChars;
  }

  /** The line limit that fits a body of {@code maxBytes} sent as base64 or escaped text. */
  public static long lineLimitFor(long maxBytes) {
    return Math.min(Integer.MAX_VALUE - 16, maxBytes * 2 + 64 * 1024);
  }

  /**
   * Reads every line.
   *
   * @param in the lines; not closed here
   * @param name how problems name the input: {@code stdin}, {@code file:crawl.jsonl}
   * @param defaultSource the source of envelopes that name none
   * @param defaultFetchedAt the fetch time of envelopes that give none
   * @return how many lines held a document (of those parsed by then, when the sink parses them
   *     on other threads: see {@link DocumentSink#later})
   */
  public long read(Reader in, String name, String defaultSource, Supplier<Instant> defaultFetchedAt)
      throws IOException {
    LineReader lines = new LineReader(in, maxLineChars);
    AtomicLong documents = new AtomicLong();
    String line;
    while ((line = lines.next()) != null) {
      String where = name + " line " + lines.number();
      if (lines.overLimit()) {
        sink.skip(where, "line is longer than " + maxLineChars + " characters");
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      String text = line;
      sink.later(where, to -> {
        JsonEnvelope.Parsed parsed = JsonEnvelope.parse(text, defaultSource, defaultFetchedAt);
        if (parsed.isOk()) {
          to.accept(parsed.document());
          documents.incrementAndGet();
        } else {
          to.fail(where, parsed.error());
        }
      });
    }
    return documents.get();
  }

  /** Lines with their numbers; a line over the limit is consumed but not kept. */
  private static final class LineReader {
    private final Reader in;
    private final long limit;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int length;
    private long number;
    private boolean overLimit;

    LineReader(Reader in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    String next() throws IOException {
      StringBuilder line = new StringBuilder();
      overLimit = false;
      boolean any = false;
      while (true) {
        if (position == length) {
          length = in.read(buffer);
          position = 0;
          if (length <= 0) {
            length = 0;
            if (!any) {
              return null;
            }
            break;
          }
        }
        any = true;
        int start = position;
        while (position < length && buffer[position] != '\n') {
          position++;
        }
        append(line, start, position);
        if (position < length) {
          position++; // the newline
          break;
        }
      }
      number++;
      int end = line.length();
      if (end > 0 && line.charAt(end - 1) == '\r') {
        line.setLength(end - 1);
      }
      return line.toString();
    }

    private void append(StringBuilder line, int from, int to) {
      if (overLimit) {
        return;
      }
      if (line.length() + (long) (to - from) > limit) {
        overLimit = true;
        line.setLength(0);
        return;
      }
      line.append(buffer, from, to - from);
    }

    long number() {
      return number;
    }

    boolean overLimit() {
      return overLimit;
    }
  }
}
