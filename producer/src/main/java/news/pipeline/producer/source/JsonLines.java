package news.pipeline.producer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Reads JSON envelopes one per line (stdin, {@code .jsonl} files) into a sink. A bad line is
 * reported as failed with its line number and reading goes on; blank lines are ignored; a line
 * longer than the limit is skipped without being held in memory.
 *
 * <p>{@code new JsonLines(sink, 30_000_000).read(System.in, "stdin", "stdin", Instant::now);}
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
   * Reads every line of UTF-8 bytes. Each line is kept as the bytes it is and parsed from them
   * ({@link JsonEnvelope#parse(byte[], String, Supplier)}, which gives what parsing the decoded
   * text would), so a body is not decoded and encoded again on its way to the record.
   *
   * @param in the bytes; not closed here
   * @param name how problems name the input: {@code stdin}, {@code file:crawl.jsonl}
   * @param defaultSource the source of envelopes that name none
   * @param defaultFetchedAt the fetch time of envelopes that give none
   * @return how many lines held a document (of those parsed by then, when the sink parses them
   *     on other threads: see {@link DocumentSink#later})
   */
  public long read(InputStream in, String name, String defaultSource, Supplier<Instant> defaultFetchedAt)
      throws IOException {
    ByteLines lines = new ByteLines(in, maxLineChars);
    AtomicLong documents = new AtomicLong();
    Batch batch = new Batch(defaultSource, defaultFetchedAt, documents);
    byte[] line;
    while ((line = lines.next()) != null) {
      String where = name + " line " + lines.number();
      if (lines.overLimit()) {
        batch.handOver();
        sink.skip(where, "line is longer than " + maxLineChars + " characters");
        continue;
      }
      if (isBlank(line)) {
        continue;
      }
      batch.add(line, where);
    }
    batch.handOver();
    return documents.get();
  }

  /** Short lines are handed to the sink a few at a time: one hand-over per line would cost more than parsing it. */
  private static final int BATCH_LINES = 64;
  private static final int BATCH_BYTES = 256 * 1024;

  /** Lines waiting to be handed to the sink as one piece of work, parsed in their order. */
  private final class Batch {
    private final String defaultSource;
    private final Supplier<Instant> defaultFetchedAt;
    private final AtomicLong documents;
    private List<byte[]> lines = new ArrayList<>();
    private List<String> wheres = new ArrayList<>();
    private long bytes;

    Batch(String defaultSource, Supplier<Instant> defaultFetchedAt, AtomicLong documents) {
      this.defaultSource = defaultSource;
      this.defaultFetchedAt = defaultFetchedAt;
      this.documents = documents;
    }

    void add(byte[] line, String where) {
      lines.add(line);
      wheres.add(where);
      bytes += line.length;
      if (lines.size() >= BATCH_LINES || bytes >= BATCH_BYTES) {
        handOver();
      }
    }

    void handOver() {
      if (lines.isEmpty()) {
        return;
      }
      List<byte[]> work = lines;
      List<String> at = wheres;
      lines = new ArrayList<>();
      wheres = new ArrayList<>();
      bytes = 0;
      sink.later(at.get(0), to -> {
        for (int i = 0; i < work.size(); i++) {
          parse(to, work.get(i), at.get(i));
        }
      });
    }

    private void parse(DocumentSink to, byte[] line, String where) {
      try {
        JsonEnvelope.Parsed parsed = JsonEnvelope.parse(line, defaultSource, defaultFetchedAt);
        if (parsed.isOk()) {
          to.accept(parsed.document());
          documents.incrementAndGet();
        } else {
          to.fail(where, parsed.error());
        }
      } catch (RuntimeException e) {
        // a bug, not bad input: the line fails alone, as it would as a piece of work of its own
        to.fail(where, "cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }

  /** {@link String#isBlank()} of the decoded line, decoding only when a non-ASCII byte makes it matter. */
  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b < 0) {
        return new String(line, StandardCharsets.UTF_8).isBlank();
      }
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Lines of bytes split at {@code \n} (a byte that UTF-8 never uses inside a character), with a
   * final {@code \r} dropped. The limit counts characters as the decoded text would: a line is
   * never longer in characters than in bytes, so characters are counted only past the limit in
   * bytes.
   */
  private static final class ByteLines {
    private final InputStream in;
    private final long limit;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int length;
    private long number;
    private boolean overLimit;
    private byte[] pending = new byte[1024];
    private int pendingLength;
    private long pendingChars;

    ByteLines(InputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    byte[] next() throws IOException {
      overLimit = false;
      pendingLength = 0;
      pendingChars = -1;
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
        if (position < length && pendingLength == 0 && !overLimit && position - start <= limit) {
          number++; // the whole line is in the buffer: one copy
          int end = position > start && buffer[position - 1] == '\r' ? position - 1 : position;
          position++;
          return Arrays.copyOfRange(buffer, start, end);
        }
        append(start, position);
        if (position < length) {
          position++; // the newline
          break;
        }
      }
      number++;
      int end = pendingLength > 0 && pending[pendingLength - 1] == '\r' ? pendingLength - 1 : pendingLength;
      return overLimit ? new byte[0] : Arrays.copyOf(pending, end);
    }

    private void append(int from, int to) {
      if (overLimit) {
        return;
      }
      int count = to - from;
      if (pendingChars < 0 && pendingLength + (long) count > limit) {
        pendingChars = chars(pending, 0, pendingLength); // past the limit in bytes: count characters from here on
      }
      if (pendingChars >= 0) {
        pendingChars += chars(buffer, from, to);
        if (pendingChars > limit) {
          overLimit = true;
          pendingLength = 0;
          return;
        }
      }
      if (pendingLength + count > pending.length) {
        pending = Arrays.copyOf(pending, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(2L * pending.length, pendingLength + (long) count)));
      }
      System.arraycopy(buffer, from, pending, pendingLength, count);
      pendingLength += count;
    }

    /** UTF-16 units the bytes decode to (exact for well-formed UTF-8): one per lead byte, two for a four-byte one. */
    private static long chars(byte[] bytes, int from, int to) {
      long chars = 0;
      for (int k = from; k < to; k++) {
        int b = bytes[k] & 0xFF;
        if ((b & 0xC0) != 0x80) {
          chars += b >= 0xF0 ? 2 : 1;
        }
      }
      return chars;
    }

    long number() {
      return number;
    }

    boolean overLimit() {
      return overLimit;
    }
  }
}
