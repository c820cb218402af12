package news.pipeline.app.dedup.quality;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import news.pipeline.app.clean.CleanedPage;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.dedup.Deduplicator;
import news.pipeline.app.dedup.InMemoryDedupStore;
import news.pipeline.app.enrich.CandidateBuilder;
import news.pipeline.app.parse.ArticleDraft;
import news.pipeline.app.parse.DocumentParser;
import news.pipeline.app.parse.ParseResult;
import news.pipeline.avro.RawDocument;
import org.apache.kafka.common.utils.Bytes;

/**
 * Bytes of dedup state per remembered document: feeds N candidates (default 100,000) made from the
 * WCXB dev article pages through {@link Deduplicator} over an {@link InMemoryDedupStore}, then sums
 * the key and value bytes of every entry (the in-memory store holds the same bytes as the Kafka
 * Streams stores), the index stores and the content store apart: index bytes and the total per
 * remembered document, content bytes per live article.
 *
 * <pre>{@code
 * java -cp "streams-app/target/streams-app.jar:streams-app/target/lib/*" \
 *     news.pipeline.app.dedup.quality.DedupStateSize [corpusDir] [N]
 * }</pre>
 *
 * <p>Each article page is parsed once; the stream repeats the pages in rounds, and in round r every
 * fifth body word and every other title word are replaced by round words, so each round's articles are
 * new stories (own title and body band keys, own URLs) of the same sizes. Per page and round: the
 * article, then with probability 0.25 a copy at a variant URL, 0.15 a syndicated copy (cut or
 * retitled, other site) and 0.10 a feed record without body; about 1.5 documents per article. All
 * event times fall within two days, inside the horizon, so nothing is due for eviction.
 */
public final class DedupStateSize {

  private DedupStateSize() {}

  public static void main(String[] args) {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/wcxb-dev");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Optional<List<CorpusPages.Page>> pages = CorpusPages.read(corpus, true);
    if (pages.isEmpty()) {
      System.err.println("No WCXB corpus at " + corpus.toAbsolutePath().normalize()
          + " (expected ground-truth/ and html/). Pass its path as the first argument.");
      System.exit(2);
      return;
    }
    List<Base> bases = parse(pages.get());
    InMemoryDedupStore store = feed(bases, n, new Random(DedupQualityBenchmark.SEED));
    print(store, n, bases.size());
  }

  /** A parsed article page: the draft its real HTML gives. */
  private record Base(CorpusPages.Page page, ArticleDraft draft) {}

  private static List<Base> parse(List<CorpusPages.Page> pages) {
    DocumentParser parser = DedupRun.defaultParser();
    List<Base> bases = new ArrayList<>();
    for (CorpusPages.Page page : pages) {
      if (page.isArticle() && page.html() != null) {
        RawDocument raw = Documents.fetched("p" + page.id(), "wcxb", page.url(), null, page.html(), CorpusQualitySet.START);
        ParseResult parsed = parser.parse(raw);
        if (!parsed.isRejected() && parsed.drafts().get(0).page().title() != null) {
          bases.add(new Base(page, parsed.drafts().get(0)));
        }
      }
    }
    return bases;
  }

  private static InMemoryDedupStore feed(List<Base> bases, int n, Random random) {
    Deduplicator dedup = new Deduplicator(ConfigLoader.load(null, Map.of(), Map.of()).orThrow().dedup());
    CandidateBuilder builder = new CandidateBuilder();
    InMemoryDedupStore store = new InMemoryDedupStore();
    int fed = 0;
    for (int round = 0; fed < n; round++) {
      for (int b = 0; b < bases.size() && fed < n; b++) {
        for (Copy copy : copies(bases.get(b), round, random)) {
          if (fed++ >= n) {
            break;
          }
          RawDocument raw = Documents.fetched(copy.id, "state-size", copy.url, null, new byte[] {'x'}, copy.at);
          dedup.accept(builder.build(raw, 0, new ArticleDraft(copy.page, List.of(copy.url), List.of())), store);
        }
      }
      System.err.printf(Locale.ROOT, "round %d: %d candidates%n", round, fed);
    }
    return store;
  }

  private record Copy(String id, String url, CleanedPage page, Instant at) {}

  private static List<Copy> copies(Base base, int round, Random random) {
    String word = roundWord(round);
    CleanedPage page = base.draft().page();
    String title = retitle(page.title(), word);
    String text = page.text() == null ? null : rewordBody(page.text(), word);
    String url = base.page().url().replaceFirst("/?([?#].*)?$", "") + "-" + word;
    Instant at = CorpusQualitySet.START.plusSeconds(random.nextInt(48 * 3600));
    String id = "r" + round + "-" + base.page().id();
    List<Copy> copies = new ArrayList<>();
    copies.add(new Copy(id, url, with(page, title, text, page.excerpt(), url), at));
    if (random.nextDouble() < 0.25) {
      String variant = UrlVariants.random(url, random).url();
      copies.add(new Copy(id + "-u", variant, with(page, title, text, page.excerpt(), variant), at.plusSeconds(600)));
    }
    if (random.nextDouble() < 0.15 && text != null) {
      String other = "https://www.partner" + random.nextInt(50) + ".com/news/" + VariantFactory.slug(title) + "-" + word;
      String copyTitle = random.nextBoolean() ? TextVariants.edited(title, random) : title;
      String body = random.nextBoolean() ? TextVariants.truncated(text, 0.7) : text;
      copies.add(new Copy(id + "-s", other, with(page, copyTitle, body, page.excerpt(), other), at.plusSeconds(1800)));
    }
    if (random.nextDouble() < 0.10) {
      String excerpt = text == null ? page.excerpt() : TextVariants.excerpt(text, 30);
      copies.add(new Copy(id + "-f", url, with(page, title, null, excerpt, url), at.plusSeconds(60)));
    }
    return copies;
  }

  private static CleanedPage with(CleanedPage p, String title, String text, String excerpt, String url) {
    return new CleanedPage(title, p.authors(), p.publishedAt(), p.modifiedAt(), url, List.of(), p.siteName(),
        p.language(), excerpt, text, p.isArticle());
  }

  /** A made-up word unique to a round, e.g. {@code zqb7}. */
  static String roundWord(int round) {
    return "zq" + Integer.toString(round, 36);
  }

  /** Every other title word (from the second) replaced, so titles of different rounds do not share LSH bands. */
  private static String retitle(String title, String word) {
    String[] words = title.split(" ");
    for (int i = 1; i < words.length; i += 2) {
      words[i] = word + (char) ('a' + i % 26);
    }
    return words.length > 1 ? String.join(" ", words) : title + " " + word;
  }

  /** Every fifth word replaced by the round word, so no 5-word shingle is shared with another round. */
  private static String rewordBody(String text, String word) {
    String[] words = text.split(" ", -1);
    for (int i = 2; i < words.length; i += 5) {
      if (!words[i].isBlank() && !words[i].contains("\n")) {
        words[i] = word;
      }
    }
    return String.join(" ", words);
  }

  private static void print(InMemoryDedupStore store, int n, int pages) {
    Map<String, NavigableMap<Bytes, byte[]>> index = new LinkedHashMap<>();
    index.put("documents", store.documents);
    index.put("urls", store.urls);
    index.put("bands", store.bands);
    index.put("members", store.members);
    index.put("expiry", store.expiry);
    long remembered = store.rememberedDocuments();
    long articles = store.content.size();
    System.out.printf(Locale.ROOT, "Dedup state after %d candidates from %d article pages: %d documents remembered, %d live articles%n",
        n, pages, remembered, articles);
    System.out.printf(Locale.ROOT, "%-10s %10s %14s %14s %12s%n", "store", "entries", "key bytes", "value bytes", "bytes/doc");
    long indexBytes = 0;
    for (Map.Entry<String, NavigableMap<Bytes, byte[]>> e : index.entrySet()) {
      indexBytes += line(e.getKey(), e.getValue(), remembered);
    }
    long contentBytes = line("content", store.content, remembered);
    System.out.printf(Locale.ROOT, "index: %.1f bytes per remembered document%n", (double) indexBytes / remembered);
    System.out.printf(Locale.ROOT,
        "articles: %.1f bytes per live article (deflated Avro: members, URLs and the representative's position"
            + " in the candidates topic)%n",
        (double) contentBytes / articles);
    long total = indexBytes + contentBytes;
    System.out.printf(Locale.ROOT, "total: %d bytes = %.1f bytes per remembered document (target <= 512: %s)%n",
        total, (double) total / remembered, total <= 512L * remembered ? "met" : "MISSED");
  }

  /** Prints a store's line; returns its key and value bytes (as the Kafka Streams store and changelog hold them). */
  private static long line(String name, NavigableMap<Bytes, byte[]> entries, long remembered) {
    long keys = 0;
    long values = 0;
    for (Map.Entry<Bytes, byte[]> e : entries.entrySet()) {
      keys += e.getKey().get().length;
      values += e.getValue().length;
    }
    System.out.printf(Locale.ROOT, "%-10s %10d %14d %14d %12.1f%n", name, entries.size(), keys, values,
        (double) (keys + values) / remembered);
    return keys + values;
  }
}
