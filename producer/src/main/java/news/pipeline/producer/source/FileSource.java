package news.pipeline.producer.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import news.pipeline.avro.ContentType;
import news.pipeline.producer.detect.ContentTypeDetector;
import news.pipeline.producer.detect.Gzip;
import news.pipeline.producer.document.RawDocuments;

/**
 * Reads files and folders into documents. Folders are walked recursively in sorted order;
 * hidden files and folders (names starting with a dot) are passed over, and so are symbolic
 * links to folders. WARC files ({@code .warc}, {@code .warc.gz}) are read by {@link WarcSource},
 * JSON Lines files ({@code .jsonl}, {@code .ndjson}, optionally {@code .gz}) by {@link JsonLines}
 * with the file's last-modified time for envelopes without {@code fetchedAt}; every other file is
 * one document:
 *
 * <ul>
 *   <li>gzip files ({@code .gz} or magic bytes) are inflated first;
 *   <li>{@code source} is {@code file:} plus the path relative to the argument (the file name
 *       when the argument is the file itself); {@code fetchedAt} is the last-modified time;
 *   <li>a sidecar {@code NAME.url} (the URL on its first line) or {@code NAME.meta.json} (a JSON
 *       envelope without the body) gives what the file cannot: URL, fetch time, charset, headers,
 *       metadata. Sidecars are not published themselves.
 * </ul>
 *
 * Files over the size limit are skipped without being read whole.
 */
public final class FileSource {

  static final String URL_SIDECAR = ".url";
  static final String META_SIDECAR = ".meta.json";

  private final DocumentSink sink;
  private final long maxBytes;
  private final Predicate<String> filter;
  private final WarcSource warc;
  private final JsonLines jsonLines;
  private final LongAdder bytesRead = new LongAdder();

  /**
   * @param sink where documents and problems go
   * @param maxBytes largest body read
   * @param filter which files found in folders to read, given their path relative to the
   *     folder argument with {@code /} separators; a file named as an argument is always read
   */
  public FileSource(DocumentSink sink, long maxBytes, Predicate<String> filter) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.maxBytes = maxBytes;
    this.filter = Objects.requireNonNull(filter, "filter");
    this.warc = new WarcSource(sink, maxBytes);
    this.jsonLines = new JsonLines(sink, JsonLines.lineLimitFor(maxBytes));
  }

  /** Reads a file, or every file under a folder. */
  public void read(Path argument) {
    if (Files.isDirectory(argument)) {
      for (Input input : walk(argument, sink::fail)) {
        readCounted(input);
      }
    } else if (Files.isRegularFile(argument)) {
      readCounted(new Input(argument.getFileName().toString(), argument));
    } else {
      sink.fail(argument.toString(), Files.exists(argument) ? "not a regular file or folder" : "no such file or folder");
    }
  }

  /**
   * Reads one file as {@link #read} would read it inside a folder, known by {@code relative}
   * ({@code source} is {@code file:} plus it). For callers that pick files themselves, such as a
   * folder watcher.
   */
  public void readFile(Path file, String relative) {
    readCounted(new Input(relative, file));
  }

  /**
   * The total size of the files {@link #read} would read under these arguments, found without
   * reading them (for a progress bar); folders that cannot be listed count as empty.
   */
  public long plannedBytes(List<Path> arguments) {
    long total = 0;
    for (Path argument : arguments) {
      List<Input> inputs =
          Files.isDirectory(argument)
              ? walk(argument, (where, reason) -> {})
              : List.of(new Input(argument.getFileName().toString(), argument));
      for (Input input : inputs) {
        total += sizeOrZero(input.file());
      }
    }
    return total;
  }

  /** Bytes of the files read so far, counted as each file is done (for a progress bar). */
  public long bytesRead() {
    return bytesRead.sum();
  }

  /** A file to read and the name it is known by, relative to the folder given. */
  private record Input(String relative, Path file) {}

  private List<Input> walk(Path root, BiConsumer<String, String> onFailure) {
    List<Input> inputs = new ArrayList<>();
    walk(root, root, inputs, onFailure);
    return inputs;
  }

  private void walk(Path root, Path folder, List<Input> inputs, BiConsumer<String, String> onFailure) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      entries.forEach(children::add);
    } catch (IOException e) {
      onFailure.accept(folder.toString(), "cannot list folder: " + e.getMessage());
      return;
    }
    children.sort(Comparator.comparing(path -> path.getFileName().toString()));
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        walk(root, child, inputs, onFailure);
      } else if (Files.isRegularFile(child) && !isSidecar(child)) {
        String relative = relative(root, child);
        if (filter.test(relative)) {
          inputs.add(new Input(relative, child));
        }
      }
    }
  }

  private void readCounted(Input input) {
    try {
      readFile(input.relative(), input.file());
    } finally {
      bytesRead.add(sizeOrZero(input.file()));
    }
  }

  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private void readFile(String relative, Path file) {
    String source = "file:" + relative;
    if (WarcSource.handles(file.getFileName().toString())) {
      warc.read(file, source);
      return;
    }
    if (isJsonLines(file.getFileName().toString())) {
      readJsonLines(file, source);
      return;
    }
    sink.later(source, to -> readWhole(to, source, file));
  }

  /** Reads a file that is one document: inflated, detected, described by its sidecars. */
  private void readWhole(DocumentSink to, String source, Path file) {
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        to.skip(source, "file is " + size + " bytes, above the size limit of " + maxBytes + " bytes");
        return;
      }
      byte[] body = Files.readAllBytes(file);
      if (Gzip.hasMagic(body)) {
        body = Gzip.inflate(body, maxBytes);
        if (body.length > maxBytes) {
          to.skip(source, "inflates to more than the size limit of " + maxBytes + " bytes");
          return;
        }
      }
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      String name = Gzip.stripSuffix(file.getFileName().toString());
      ContentType type = ContentTypeDetector.detect(name, body);
      publish(to, source, file, body, type, modified);
    } catch (IOException e) {
      to.fail(source, "cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static void publish(DocumentSink to, String source, Path file, byte[] body, ContentType type, Instant modified)
      throws IOException {
    Path meta = sibling(file, META_SIDECAR);
    if (Files.isRegularFile(meta)) {
      String json = Files.readString(meta, StandardCharsets.UTF_8);
      JsonEnvelope.Parsed parsed = JsonEnvelope.describing(json, body, type, source, () -> modified);
      if (parsed.isOk()) {
        to.accept(parsed.document());
      } else {
        to.fail(source, "bad sidecar " + meta.getFileName() + ": " + parsed.error());
      }
      return;
    }
    Path urlFile = sibling(file, URL_SIDECAR);
    String url = Files.isRegularFile(urlFile) ? firstLine(urlFile) : null;
    to.accept(RawDocuments.create(source, url, type, body, modified, null, Map.of(), Map.of()));
  }

  /** Whether a file holds JSON envelopes, one per line: {@code .jsonl}, {@code .ndjson}, gzipped or not. */
  static boolean isJsonLines(String fileName) {
    String name = Gzip.stripSuffix(fileName.toLowerCase(Locale.ROOT));
    return name.endsWith(".jsonl") || name.endsWith(".ndjson");
  }

  private void readJsonLines(Path file, String source) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        InputStream in = Gzip.hasMagic(peek(raw)) ? new GZIPInputStream(raw, 64 * 1024) : raw) {
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      jsonLines.read(in, source, source, () -> modified);
    } catch (IOException e) {
      sink.fail(source, "cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static byte[] peek(InputStream in) throws IOException {
    in.mark(2);
    byte[] head = in.readNBytes(2);
    in.reset();
    return head;
  }

  /** A sidecar is {@code X.url} or {@code X.meta.json} next to an existing file {@code X}. */
  public static boolean isSidecar(Path file) {
    String name = file.getFileName().toString();
    for (String suffix : new String[] {META_SIDECAR, URL_SIDECAR}) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        Path described = file.resolveSibling(name.substring(0, name.length() - suffix.length()));
        if (Files.isRegularFile(described)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Path sibling(Path file, String suffix) {
    return file.resolveSibling(file.getFileName().toString() + suffix);
  }

  private static String firstLine(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .findFirst()
        .orElse(null);
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
