package news.pipeline.app.dedup.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import news.pipeline.app.clean.CleanedPage;
import news.pipeline.app.clean.TextDumpCleaner;
import news.pipeline.app.parse.ArticleDraft;
import news.pipeline.app.parse.MetadataRecordParser;
import news.pipeline.app.parse.ParseResult;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;

/**
 * The seeds part of the quality set, made from the repository's {@code seeds/} folder.
 *
 * <ul>
 *   <li>The four text dumps are four different articles on one event. Each is served as is (at a
 *       made-up URL {@code https://www.seednewsN.com/2020/06/<slug>/}, since the dumps carry none)
 *       and gets URL variants and syndicated copies from its cleaned title and text.
 *   <li>The YAML record holds twelve articles; the Charlotte Observer and Houston Chronicle entries
 *       are the Boston Globe's AP story (labeled by hand, see the README's seeds section), the rest
 *       are different articles. Each gets link records for two URL variants and for the AMP and
 *       AMP-cache URLs the record gives, and two metadata-only records (one with an edited headline).
 *   <li>One hard negative group holds every seed candidate: all are about the same event.
 * </ul>
 */
public final class SeedQualitySet {

  static final Instant START = Instant.parse("2020-06-10T12:00:00Z");

  /** Hosts of the record's entries that are copies of its main (Boston Globe) article. */
  private static final Set<String> COPIES_OF_MAIN = Set.of("charlotteobserver.com", "chron.com");

  private SeedQualitySet() {}

  /** The five seeds as they are, labeled: the expected merges and nothing else. */
  public static QualitySet originals(Path seeds) {
    return build(seeds, 0, false);
  }

  /** The seeds with their variants and copies. */
  public static QualitySet build(Path seeds, long seed) {
    return build(seeds, seed, true);
  }

  private static QualitySet build(Path seeds, long seed, boolean variants) {
    Random random = new Random(seed);
    List<SiteTemplate> partners = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      partners.add(SiteTemplate.random(100 + i, List.of(), random));
    }
    VariantFactory factory = new VariantFactory(partners, random);
    List<LabeledDocument> docs = new ArrayList<>();
    for (Path file : files(seeds)) {
      String name = file.getFileName().toString();
      String key = "s" + name.substring(0, 3);
      byte[] bytes = read(file);
      Instant at = START.plusSeconds(random.nextInt(24 * 3600));
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.stripLeading().startsWith("---")) {
        docs.addAll(record(key, bytes, at, variants, factory, random));
      } else {
        docs.addAll(dump(key, bytes, at, variants, factory));
      }
    }
    List<String> ids = new ArrayList<>();
    docs.forEach(d -> { for (int i = 0; i < d.labels().size(); i++) { ids.add(d.candidateId(i)); } });
    return new QualitySet(docs, List.of(new HardNegativeGroup("seed-same-event", ids)),
        List.of("seeds part: " + docs.size() + " documents from " + seeds));
  }

  private static List<LabeledDocument> dump(String key, byte[] bytes, Instant at, boolean variants, VariantFactory factory) {
    CleanedPage page = new TextDumpCleaner().clean(new String(bytes, StandardCharsets.UTF_8));
    String url = "https://www.seednews" + key.substring(1) + ".com/2020/06/" + VariantFactory.slug(page.title()) + "/";
    RawDocument raw = Documents.fetched(key, "file:seeds/" + key, url, ContentType.TEXT, bytes, at);
    List<LabeledDocument> docs = new ArrayList<>(List.of(LabeledDocument.of(raw, key, DocKind.ORIGINAL, "original")));
    if (variants) {
      var source = new VariantFactory.Source(key, url, page.title(), page.text(), "Seed News " + key.substring(1), at, bytes, ContentType.TEXT);
      docs.addAll(factory.urlVariants(source, 2, 2));
      docs.addAll(factory.syndicated(source));
    }
    return docs;
  }

  private static List<LabeledDocument> record(
      String key, byte[] bytes, Instant at, boolean variants, VariantFactory factory, Random random) {
    ParseResult parsed = new MetadataRecordParser(bytes.length * 2).frontMatter(new String(bytes, StandardCharsets.UTF_8));
    List<Label> labels = new ArrayList<>();
    List<LabeledDocument> docs = new ArrayList<>();
    for (int i = 0; i < parsed.drafts().size(); i++) {
      ArticleDraft draft = parsed.drafts().get(i);
      String url = draft.urls().isEmpty() ? null : draft.urls().get(0);
      boolean copy = i > 0 && url != null && COPIES_OF_MAIN.contains(CorpusQualitySet.host(url));
      String gold = copy ? key + "-0" : key + "-" + i;
      labels.add(new Label(gold, copy ? DocKind.SYNDICATED : DocKind.ORIGINAL, copy ? "syn:seed-wire-copy" : "original"));
      if (variants && url != null && draft.page().title() != null) {
        docs.addAll(entryVariants(gold, key + "-" + i, draft, factory, random, at));
      }
    }
    RawDocument raw = Documents.fetched(key, "file:seeds/" + key, null, ContentType.FRONT_MATTER, bytes, at);
    docs.add(0, new LabeledDocument(raw, labels));
    return docs;
  }

  /** Link records and feed records of one entry of the record (entries have no body). */
  private static List<LabeledDocument> entryVariants(
      String gold, String key, ArticleDraft draft, VariantFactory factory, Random random, Instant at) {
    String url = draft.urls().get(0);
    String site = draft.page().siteName() == null ? CorpusQualitySet.host(url) : draft.page().siteName();
    var source = new VariantFactory.Source(key, url, draft.page().title(), draft.page().excerpt(), site, at, null, null);
    List<LabeledDocument> docs = new ArrayList<>();
    for (LabeledDocument d : factory.urlVariants(source, 0, 2)) {
      docs.add(relabel(d, gold));
    }
    for (int i = 1; i < draft.urls().size(); i++) {
      var fields = Documents.fields("url", draft.urls().get(i));
      docs.add(LabeledDocument.of(Documents.record(key + "-given" + i, "quality:link", fields, false, factory.later(source)),
          gold, DocKind.URL_VARIANT, "url:link:given-alias"));
    }
    docs.add(relabel(factory.record(source, key + "-srecord"), gold));
    String edited = TextVariants.edited(draft.page().title(), random);
    SiteTemplate partner = factory.partner();
    var fields = Documents.fields("title", edited, "url", partner.articleUrl(VariantFactory.slug(edited), random.nextInt(100_000)),
        "excerpt", draft.page().excerpt(), "provider", Documents.fields("name", partner.name()));
    docs.add(LabeledDocument.of(Documents.record(key + "-sedited", "quality:feed", fields, false, factory.later(source)),
        gold, DocKind.SYNDICATED, "syn:record-edited-title"));
    return docs;
  }

  private static LabeledDocument relabel(LabeledDocument doc, String gold) {
    Label label = doc.labels().get(0);
    return LabeledDocument.of(doc.raw(), gold, label.kind(), label.variant());
  }

  private static List<Path> files(Path seeds) {
    try (Stream<Path> files = Files.list(seeds)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list seeds folder " + seeds, e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
