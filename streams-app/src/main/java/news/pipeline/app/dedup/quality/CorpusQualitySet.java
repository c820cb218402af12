package news.pipeline.app.dedup.quality;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The corpus part of the quality set, made from the WCXB development split at run time.
 *
 * <p>Four in five article pages are <em>bases</em>: each is served as fetched (its real HTML at
 * its real URL) and gets URL variants and syndicated copies ({@link VariantFactory}). The fifth
 * article page and the non-article pages are <em>donors</em>: their text is used once each, for
 * hard negatives, so no negative shares its body with another document of the set.
 *
 * <p>Hard negative groups:
 *
 * <ul>
 *   <li>{@code same-event}: for one base in four, a different article (a donor's body) that quotes
 *       one sentence of the base and whose headline starts like the base's; paired with every
 *       document of the base;
 *   <li>{@code same-template}: syndicated copies of different articles on one partner site, in
 *       groups of eight; {@code same-template-site-og-url} for the two partner templates that put
 *       the home page in every page's {@code og:url};
 *   <li>{@code generic-title}: pages and feed records of one site with the same generic title
 *       ("Live updates", "Home", "Opinion", …) over different donors' texts;
 *   <li>{@code title-overlap}: pairs of bases whose headlines share at least three content words;
 *   <li>{@code same-site}: bases from the same host (real pages sharing a real template).
 * </ul>
 */
public final class CorpusQualitySet {

  /** Where the documents' event times start; all fall within two days, inside the dedup horizon. */
  static final Instant START = Instant.parse("2024-06-03T00:00:00Z");

  static final int PARTNERS = 24;
  static final int TEMPLATE_GROUP = 8;
  static final int GENERIC_GROUPS = 30;

  private static final List<String> GENERIC_TITLES =
      List.of("Live updates", "Home", "Opinion", "Breaking News", "Latest news", "Live: the latest",
          "Morning briefing", "Letters to the editor", "Photos of the day", "Top stories", "News", "Weather forecast");

  private CorpusQualitySet() {}

  /** The corpus part, or an empty set whose note says why it was skipped. */
  public static QualitySet build(Path corpus, long seed) {
    Optional<List<CorpusPages.Page>> read = CorpusPages.read(corpus, true);
    if (read.isEmpty()) {
      return QualitySet.empty(skippedNote(corpus));
    }
    return new Builder(read.get(), new Random(seed)).build();
  }

  /** The message printed when the corpus folder is missing. */
  public static String skippedNote(Path corpus) {
    return "corpus part SKIPPED: no WCXB corpus at " + corpus.toAbsolutePath().normalize()
        + " (expected ground-truth/ and html/ folders); figures below are for the seeds only."
        + " Pass the corpus folder as the first argument.";
  }

  private static final class Builder {
    private final Random random;
    private final List<CorpusPages.Page> bases = new ArrayList<>();
    private final List<CorpusPages.Page> articleDonors = new ArrayList<>();
    private final List<CorpusPages.Page> otherDonors = new ArrayList<>();
    private final List<LabeledDocument> docs = new ArrayList<>();
    private final List<HardNegativeGroup> groups = new ArrayList<>();
    private final List<SiteTemplate> partners = new ArrayList<>();

    Builder(List<CorpusPages.Page> pages, Random random) {
      this.random = random;
      int n = 0;
      java.util.Set<String> seenUrls = new java.util.HashSet<>();
      for (CorpusPages.Page page : pages) {
        // the corpus holds a few pages twice (e.g. with and without a trailing slash): they are one
        // article, so only the first is used, else the set would label a true duplicate a miss
        String urlKey = news.pipeline.url.UrlCanonicalizer.key(page.url()).orElse(page.url());
        if (!seenUrls.add(urlKey)) {
          continue;
        }
        if (page.isArticle() && page.html() != null) {
          (n++ % 5 == 0 ? articleDonors : bases).add(page);
        } else if (!page.isArticle() && page.text().split("\\s+").length >= 80) {
          otherDonors.add(page);
        }
      }
    }

    QualitySet build() {
      Iterator<CorpusPages.Page> sidebar = otherDonors.iterator();
      for (int i = 0; i < PARTNERS; i++) {
        List<String> mostRead = new ArrayList<>();
        for (int j = 0; j < 5 && sidebar.hasNext(); j++) {
          mostRead.add(sidebar.next().title());
        }
        SiteTemplate site = SiteTemplate.random(i, mostRead, random);
        partners.add(i % 12 == 5 ? site.withSiteWideOgUrl() : site);
      }
      VariantFactory factory = new VariantFactory(partners, random);
      Iterator<CorpusPages.Page> donors = articleDonors.iterator();
      for (int i = 0; i < bases.size(); i++) {
        CorpusPages.Page page = bases.get(i);
        List<LabeledDocument> family = family(page, factory);
        docs.addAll(family);
        if (i % 4 == 0 && donors.hasNext()) {
          sameEvent(page, donors.next(), factory, family);
        }
      }
      templateGroups();
      genericTitles(otherDonors.subList(Math.min(otherDonors.size(), PARTNERS * 5), otherDonors.size()));
      realPairs();
      List<String> notes = List.of(String.format(Locale.ROOT,
          "corpus part: %d base articles, %d article donors, %d other donors, %d partner sites",
          bases.size(), articleDonors.size(), otherDonors.size(), partners.size()));
      return new QualitySet(docs, groups, notes);
    }

    private List<LabeledDocument> family(CorpusPages.Page page, VariantFactory factory) {
      Instant at = START.plusSeconds(random.nextInt(36 * 3600));
      String key = "c" + page.id();
      var source = new VariantFactory.Source(key, page.url(), page.title(), page.text(), host(page.url()), at,
          page.html(), null);
      List<LabeledDocument> family = new ArrayList<>();
      family.add(LabeledDocument.of(Documents.fetched(key, "wcxb:" + page.id(), page.url(), null, page.html(), at),
          key, DocKind.ORIGINAL, "original"));
      family.addAll(factory.urlVariants(source, 2, 2));
      family.addAll(factory.syndicated(source));
      return family;
    }

    /** A different article on the same story: own body quoting the base once, headline starting like the base's. */
    private void sameEvent(CorpusPages.Page base, CorpusPages.Page donor, VariantFactory factory, List<LabeledDocument> family) {
      String[] baseWords = base.title().split("\\s+");
      String[] donorWords = donor.title().split("\\s+");
      List<String> headline = new ArrayList<>(List.of(baseWords).subList(0, (baseWords.length + 1) / 2));
      headline.addAll(List.of(donorWords).subList(donorWords.length / 2, donorWords.length));
      List<String> body = new ArrayList<>(TextVariants.paragraphs(donor.text()));
      String quote = firstSentence(base.text());
      body.add(Math.min(1, body.size()), "\u201c" + quote + "\u201d, " + (random.nextBoolean() ? "the report said." : "according to an earlier report."));
      SiteTemplate site = factory.partner();
      String title = String.join(" ", headline);
      String url = site.articleUrl(VariantFactory.slug(title), random.nextInt(100_000));
      String id = "n" + donor.id();
      Instant at = START.plusSeconds(random.nextInt(36 * 3600));
      docs.add(LabeledDocument.of(Documents.html(id, "quality:" + site.domain(), url, site.page(title, title, body, url), at),
          id, DocKind.NEGATIVE, "neg:same-event"));
      List<String> ids = new ArrayList<>(family.stream().map(d -> d.candidateId(0)).toList());
      ids.add(id);
      groups.add(new HardNegativeGroup("same-event", ids));
    }

    private void templateGroups() {
      Map<String, List<String>> bySite = new LinkedHashMap<>();
      for (LabeledDocument doc : docs) {
        String source = doc.raw().getSource();
        if (doc.labels().get(0).kind() == DocKind.SYNDICATED && source.startsWith("quality:www.")) {
          bySite.computeIfAbsent(source.substring("quality:".length()), k -> new ArrayList<>()).add(doc.candidateId(0));
        }
      }
      Set<String> siteWide = new HashSet<>();
      partners.stream().filter(SiteTemplate::siteWideOgUrl).forEach(p -> siteWide.add(p.domain()));
      bySite.forEach((site, ids) -> {
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, random);
        String label = siteWide.contains(site) ? "same-template-site-og-url" : "same-template";
        for (int i = 0; i + 1 < shuffled.size(); i += TEMPLATE_GROUP) {
          groups.add(new HardNegativeGroup(label, shuffled.subList(i, Math.min(shuffled.size(), i + TEMPLATE_GROUP))));
        }
      });
    }

    private void genericTitles(List<CorpusPages.Page> donors) {
      Iterator<CorpusPages.Page> it = donors.iterator();
      for (int g = 0; g < GENERIC_GROUPS; g++) {
        String title = GENERIC_TITLES.get(g % GENERIC_TITLES.size());
        SiteTemplate site = partners.get(g % partners.size());
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 4 && it.hasNext(); k++) {
          CorpusPages.Page donor = it.next();
          String id = "g" + donor.id();
          String url = site.articleUrl(VariantFactory.slug(title), random.nextInt(100_000));
          Instant at = START.plusSeconds(random.nextInt(36 * 3600));
          if (k < 2) {
            String html = site.page(title, title + " | " + site.name(), TextVariants.paragraphs(donor.text()), url);
            docs.add(LabeledDocument.of(Documents.html(id, "quality:" + site.domain(), url, html, at), id, DocKind.NEGATIVE, "neg:generic-title-page"));
          } else {
            var fields = Documents.fields("title", title, "url", url, "excerpt", TextVariants.excerpt(donor.text(), 30),
                "provider", Documents.fields("name", site.name()));
            docs.add(LabeledDocument.of(Documents.record(id, "quality:feed", fields, k == 3, at), id, DocKind.NEGATIVE, "neg:generic-title-record"));
          }
          ids.add(id);
        }
        groups.add(new HardNegativeGroup("generic-title", ids));
      }
    }

    /** Real look-alikes among the bases: shared headline words, shared host. */
    private void realPairs() {
      Map<String, List<String>> byHost = new LinkedHashMap<>();
      List<Set<String>> words = new ArrayList<>();
      for (CorpusPages.Page page : bases) {
        byHost.computeIfAbsent(host(page.url()), h -> new ArrayList<>()).add("c" + page.id());
        words.add(contentWords(page.title()));
      }
      byHost.values().stream().filter(ids -> ids.size() > 1).forEach(ids -> groups.add(new HardNegativeGroup("same-site", ids)));
      for (int i = 0; i < bases.size(); i++) {
        for (int j = i + 1; j < bases.size(); j++) {
          Set<String> shared = new HashSet<>(words.get(i));
          shared.retainAll(words.get(j));
          if (shared.size() >= 3) {
            groups.add(new HardNegativeGroup("title-overlap", List.of("c" + bases.get(i).id(), "c" + bases.get(j).id())));
          }
        }
      }
    }

    private String firstSentence(String text) {
      for (String sentence : text.split("(?<=[.!?])\\s+")) {
        if (sentence.split("\\s+").length >= 8) {
          return sentence.strip();
        }
      }
      return TextVariants.excerpt(text, 20);
    }
  }

  private static final Set<String> COMMON =
      Set.of("with", "from", "that", "this", "your", "what", "have", "will", "about", "more", "into", "when",
          "than", "they", "their", "after", "over", "best", "guide", "how", "why", "here", "just");

  /** Headline words of four letters or more, lower-cased, without the commonest: a plain notion of "content word". */
  static Set<String> contentWords(String title) {
    Set<String> words = new HashSet<>();
    for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 4 && !COMMON.contains(w)) {
        words.add(w);
      }
    }
    return words;
  }

  static String host(String url) {
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? "unknown" : host.toLowerCase(Locale.ROOT).replaceFirst("^(www|m)\\.", "");
    } catch (IllegalArgumentException e) {
      return "unknown";
    }
  }
}
