package news.pipeline.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import news.pipeline.app.clean.Charsets;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.document.DocumentIds;

/**
 * The benchmark's document set, generated deterministically from an index so that every phase
 * (raw pass-through, cleaner alone, pipeline) sees the very same bytes without holding them all in
 * memory.
 *
 * <p>HTML documents are the WCXB dev pages (read from disk on demand) or, without the corpus,
 * generated article pages. Page {@code i % P} of the pool is used in round {@code r = i / P}; each
 * round is a different kind of copy, so duplicates occur once {@code N > P}: round 0 the original,
 * then a re-crawl, a tracking-parameter URL, a syndicated copy on another host under a changed
 * headline, an AMP URL. Every document carries a comment with its index, so no two are
 * byte-identical (each has its own document id and reaches the dedup decision).
 *
 * <p>Metadata documents are shaped like seed 001: an article with a {@code webUrl}, {@code
 * ampWebUrl}, {@code cdnAmpWebUrl}, provider and topics, plus 0 to 5 related articles, as YAML
 * front matter or JSON (alternating). Stories repeat with URL and headline variants too.
 */
final class BenchDocuments {

  /** What kinds of documents the set holds. */
  enum Mix {
    /** HTML pages, every tenth document a metadata record. */
    MIXED,
    /** Metadata records only (YAML front matter and JSON). */
    METADATA_ONLY
  }

  /** One page of the HTML pool: where its bytes come from, and its URL. */
  private record PoolPage(Path gzipFile, String url, int generatedSeed) {}

  /** A document as the cleaner-alone phase sees it: decoded text and type. */
  record Page(String text, ContentType type, String url) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int METADATA_EVERY = 10;

  private final List<PoolPage> pool;
  private final Mix mix;
  private final String description;

  private BenchDocuments(List<PoolPage> pool, Mix mix, String description) {
    this.pool = pool;
    this.mix = mix;
    this.description = description;
  }

  /**
   * The document set over the WCXB pages in {@code corpus}, or over {@code fallbackPages}
   * generated pages (with a message on {@code err}) when the corpus is not there.
   *
   * @param maxPages at most this many distinct corpus pages (0: all)
   */
  static BenchDocuments open(Path corpus, int maxPages, int fallbackPages, Mix mix, PrintStream err) {
    List<PoolPage> pool = new ArrayList<>();
    String description;
    Path html = corpus == null ? null : corpus.resolve("html");
    Path truths = corpus == null ? null : corpus.resolve("ground-truth");
    if (mix == Mix.METADATA_ONLY) {
      description = "metadata records only (YAML front matter and JSON, shaped like seed 001)";
    } else if (html != null && Files.isDirectory(html) && Files.isDirectory(truths)) {
      try (Stream<Path> files = Files.list(truths)) {
        for (Path truth : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          String id = truth.getFileName().toString().replace(".json", "");
          Path page = html.resolve(id + ".html.gz");
          if (Files.isRegularFile(page)) {
            JsonNode url = JSON.readTree(truth.toFile()).get("url");
            pool.add(new PoolPage(page, url == null || url.isNull() ? null : url.asText(), 0));
            if (maxPages > 0 && pool.size() >= maxPages) {
              break;
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the corpus in " + corpus, e);
      }
      description = pool.size() + " WCXB dev pages (Murrough-Foley 2026, CC-BY-4.0) from " + corpus
          + ", with URL and headline variants; every tenth document a metadata record";
    } else {
      err.printf(Locale.ROOT,
          "corpus not found at %s (expected html/ and ground-truth/ of the WCXB dev split, see ../shared/corpus/README.md):"
              + " using %d generated pages instead%n",
          corpus == null ? "(none)" : corpus.toAbsolutePath().normalize(), fallbackPages);
      description = fallbackPages + " generated article pages (no corpus), with URL and headline variants;"
          + " every tenth document a metadata record";
    }
    if (pool.isEmpty() && mix != Mix.METADATA_ONLY) {
      for (int i = 0; i < fallbackPages; i++) {
        pool.add(new PoolPage(null, "https://news" + (i % 17) + ".example.com/2024/05/story-" + i + ".html", i + 1));
      }
    }
    return new BenchDocuments(pool, mix, description);
  }

  String description() {
    return description;
  }

  boolean isMetadata(long index) {
    return mix == Mix.METADATA_ONLY || index % METADATA_EVERY == METADATA_EVERY - 1;
  }

  /** Document {@code index} as the crawler would publish it, fetched at {@code fetchedAt}. */
  RawDocument document(long index, Instant fetchedAt) {
    Page page = page(index);
    byte[] body = page.text().getBytes(StandardCharsets.UTF_8);
    return RawDocument.newBuilder()
        .setId(DocumentIds.of(page.url(), body))
        .setUrl(page.url())
        .setContentType(page.type())
        .setCharset("utf-8")
        .setBody(ByteBuffer.wrap(body))
        .setFetchedAt(Instant.ofEpochMilli(fetchedAt.toEpochMilli()))
        .setSource("bench")
        .setHeaders(new LinkedHashMap<>())
        .setMetadata(new LinkedHashMap<>())
        .build();
  }

  /** Document {@code index} as text: what the cleaner-alone phase cleans. */
  Page page(long index) {
    if (isMetadata(index)) {
      return metadata(index);
    }
    long htmlIndex = mix == Mix.METADATA_ONLY ? index : index - index / METADATA_EVERY;
    PoolPage base = pool.get((int) (htmlIndex % pool.size()));
    long round = htmlIndex / pool.size();
    String html = base.gzipFile() == null ? GeneratedPages.page(base.generatedSeed()) : read(base.gzipFile());
    String url = base.url();
    String title = null;
    switch ((int) (round % 5)) {
      case 0 -> {
        // round 0: the original; later rounds of this kind: a re-crawl of the same URL
      }
      case 1 -> url = withParameter(url, "utm_source=bench&utm_campaign=r" + round);
      case 2 -> {
        url = url == null ? null : url.replaceFirst("^https?://([^/]+)", "https://wire" + (round % 7) + ".example.net");
        title = "Wire " + round;
      }
      case 3 -> url = withParameter(url, "outputType=amp");
      default -> title = "Updated";
    }
    if (title != null) {
      html = retitle(html, title);
    }
    html = html + "\n<!-- bench document " + index + " -->\n";
    return new Page(html, ContentType.HTML, url);
  }

  private static String withParameter(String url, String parameter) {
    if (url == null) {
      return null;
    }
    int hash = url.indexOf('#');
    String base = hash < 0 ? url : url.substring(0, hash);
    return base + (base.contains("?") ? "&" : "?") + parameter;
  }

  /** The page with a headline variant: {@code <title>Old</title>} becomes {@code <title>Old | Suffix</title>}. */
  private static String retitle(String html, String suffix) {
    int open = indexOfIgnoreCase(html, "<title", 0);
    int start = open < 0 ? -1 : html.indexOf('>', open);
    int end = start < 0 ? -1 : indexOfIgnoreCase(html, "</title", start);
    if (end < 0) {
      return html;
    }
    return html.substring(0, end) + " | " + suffix + html.substring(end);
  }

  private static int indexOfIgnoreCase(String text, String needle, int from) {
    int limit = text.length() - needle.length();
    for (int i = from; i <= limit; i++) {
      if (text.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  private static String read(Path gzipFile) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipFile), 64 * 1024)) {
      return Charsets.decode(in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + gzipFile, e);
    }
  }

  /** A metadata record like seed 001: one article plus related ones, YAML or JSON. */
  private static Page metadata(long index) {
    long story = index / 3; // consecutive records share stories: duplicates by URL and headline
    int variant = (int) (index % 3);
    SplittableRandom random = new SplittableRandom(story * 7919 + 17);
    List<LinkedHashMap<String, Object>> articles = new ArrayList<>();
    int related = (int) (index % 6);
    for (int a = 0; a <= related; a++) {
      long storyId = story * 8 + a;
      String host = "site" + (storyId % 23) + ".example.com";
      String path = "/2020/06/10/" + GeneratedPages.slug(new SplittableRandom(storyId), 6) + "-" + storyId + "/";
      String url = "https://" + (variant == 1 && a == 0 ? "www." : "") + host + path;
      LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
      String headline = GeneratedPages.headline(new SplittableRandom(storyId * 31 + 1));
      fields.put("title", variant == 2 && a == 0 ? headline + " | " + "Wire" : headline);
      fields.put("excerpt", GeneratedPages.sentence(random, 30));
      fields.put("publishedDateTime", Instant.ofEpochSecond(1_591_747_200L + storyId * 60).toString());
      fields.put("webUrl", url + (variant == 1 ? "?utm_source=feed" : ""));
      fields.put("ampWebUrl", url + "amp/");
      fields.put("cdnAmpWebUrl", "https://" + host.replace('.', '-') + ".cdn.ampproject.org/c/s/" + host + path + "amp/");
      fields.put("type", "article");
      // a LinkedHashMap filled in order, not a copy of Map.of, whose order changes from one JVM to
      // the next: the same index gives the same bytes (and document id) in every run
      LinkedHashMap<String, Object> provider = new LinkedHashMap<>();
      provider.put("name", "Site " + (storyId % 23));
      provider.put("domain", host);
      fields.put("provider", provider);
      fields.put("topics", List.of("Computer Vision", "AI"));
      articles.add(fields);
    }
    LinkedHashMap<String, Object> root = articles.get(0);
    if (articles.size() > 1) {
      root.put("related", articles.subList(1, articles.size()));
    }
    root.put("crawl", index);
    String text;
    ContentType type;
    if (index % 2 == 0) {
      text = "---\n" + new org.yaml.snakeyaml.Yaml().dump(root) + "---\n";
      type = ContentType.FRONT_MATTER;
    } else {
      try {
        text = JSON.writeValueAsString(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      type = ContentType.JSON;
    }
    return new Page(text, type, null);
  }
}
