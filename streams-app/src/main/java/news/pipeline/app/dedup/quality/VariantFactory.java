package news.pipeline.app.dedup.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import news.pipeline.avro.ContentType;

/**
 * Makes the URL variants and syndicated copies of one article, the same way for a seed and for a
 * corpus page. Each copy gets one transformation (plus the other site's wrapper and URL that every
 * syndicated copy has), so the per-variant figures say which transformation costs recall.
 *
 * <ul>
 *   <li>{@code url:page:FORM}: the original bytes (an AMP rendering for AMP forms) fetched at a
 *       variant URL;
 *   <li>{@code url:link:FORM}: a link record naming only the variant URL (a share or feed entry);
 *       only the URL can match it;
 *   <li>{@code syn:rewrap}, {@code syn:headline-affix}, {@code syn:headline-edit}, {@code
 *       syn:truncated}, {@code syn:truncated-edited}: the body on another site's template;
 *   <li>{@code syn:record-*}: a metadata-only record (title, URL, excerpt, no body), with the
 *       origin's URL (a feed item) or the partner's (an aggregator entry).
 * </ul>
 */
final class VariantFactory {

  /**
   * The article a variant is made from.
   *
   * @param key the gold id; variant ids start with it
   * @param url where its publisher serves it
   * @param title its headline
   * @param text its body (paragraphs separated by blank lines), or null for a record without one
   * @param siteName its publisher's name
   * @param publishedAt when the original was fetched; copies come within the next hours
   * @param bytes the original's bytes, for copies fetched at variant URLs, or null
   * @param type the original's content type
   */
  record Source(
      String key, String url, String title, String text, String siteName, Instant publishedAt, byte[] bytes,
      ContentType type) {}

  private static final Duration SPREAD = Duration.ofHours(8);

  private final List<SiteTemplate> partners;
  private final Random random;

  VariantFactory(List<SiteTemplate> partners, Random random) {
    this.partners = partners;
    this.random = random;
  }

  /** {@code pages} copies of the page at variant URLs and {@code links} link records. */
  List<LabeledDocument> urlVariants(Source a, int pages, int links) {
    List<LabeledDocument> docs = new ArrayList<>();
    List<UrlVariants.Variant> variants = UrlVariants.distinct(a.url(), pages + links, random);
    for (int i = 0; i < variants.size(); i++) {
      UrlVariants.Variant v = variants.get(i);
      String id = a.key() + "-u" + i;
      if (i < pages && a.bytes() != null) {
        docs.add(page(a, id, v));
      } else {
        docs.add(LabeledDocument.of(
            Documents.record(id, "quality:link", Documents.fields("url", v.url()), false, later(a)),
            a.key(), DocKind.URL_VARIANT, "url:link:" + baseForm(v.form())));
      }
    }
    return docs;
  }

  private LabeledDocument page(Source a, String id, UrlVariants.Variant v) {
    String variant = "url:page:" + baseForm(v.form());
    if (v.form().startsWith("amp") && a.text() != null) {
      String amp = SiteTemplate.ampPage(a.title(), TextVariants.paragraphs(a.text()), a.url(), a.siteName());
      return LabeledDocument.of(Documents.html(id, "quality:amp", v.url(), amp, later(a)), a.key(), DocKind.URL_VARIANT, variant);
    }
    return LabeledDocument.of(
        Documents.fetched(id, "quality:recrawl", v.url(), a.type(), a.bytes(), later(a)), a.key(), DocKind.URL_VARIANT, variant);
  }

  /** Syndicated copies: five on partner sites when there is a body, and one metadata-only record. */
  List<LabeledDocument> syndicated(Source a) {
    List<LabeledDocument> docs = new ArrayList<>();
    if (a.text() != null) {
      List<String> body = TextVariants.paragraphs(a.text());
      SiteTemplate p = partner();
      docs.add(copy(a, p, "rewrap", a.title(), maybeAffixed(a.title(), p), body));
      p = partner();
      String affixed = TextVariants.affixed(a.title(), p.name(), random);
      docs.add(copy(a, p, "headline-affix", random.nextBoolean() ? affixed : null, affixed, body));
      p = partner();
      String edited = TextVariants.edited(a.title(), random);
      docs.add(copy(a, p, "headline-edit", edited, maybeAffixed(edited, p), body));
      p = partner();
      docs.add(copy(a, p, "truncated", a.title(), maybeAffixed(a.title(), p), truncated(a.text())));
      p = partner();
      String edited2 = TextVariants.edited(a.title(), random);
      docs.add(copy(a, p, "truncated-edited", edited2, maybeAffixed(edited2, p), truncated(a.text())));
    }
    docs.add(record(a, a.key() + "-srecord"));
    return docs;
  }

  private List<String> truncated(String text) {
    return TextVariants.paragraphs(TextVariants.truncated(text, 0.6 + 0.2 * random.nextDouble()));
  }

  /** A metadata-only record of the article: feed item (origin URL) or aggregator entry (own URL). */
  LabeledDocument record(Source a, String id) {
    boolean feedItem = random.nextBoolean();
    SiteTemplate partner = partner();
    String url = feedItem ? a.url() : partner.articleUrl(slug(a.title()), random.nextInt(100_000));
    String title = random.nextBoolean() ? a.title() : TextVariants.affixed(a.title(), a.siteName(), random);
    String excerpt = a.text() == null ? null : TextVariants.excerpt(a.text(), 25 + random.nextInt(16));
    var fields = Documents.fields(
        "title", title, "url", url, "excerpt", excerpt,
        "publishedDateTime", a.publishedAt().toString(),
        "provider", Documents.fields("name", feedItem ? a.siteName() : partner.name()));
    Instant at = later(a);
    return LabeledDocument.of(Documents.record(id, "quality:feed", fields, random.nextBoolean(), at),
        a.key(), DocKind.SYNDICATED, feedItem ? "syn:record-origin-url" : "syn:record-partner-url");
  }

  private LabeledDocument copy(
      Source a, SiteTemplate partner, String how, String headline, String documentTitle, List<String> body) {
    String id = a.key() + "-s" + how;
    String url = partner.articleUrl(slug(a.title()), random.nextInt(100_000));
    String html = partner.page(headline, documentTitle, body, url);
    return LabeledDocument.of(Documents.html(id, "quality:" + partner.domain(), url, html, later(a)),
        a.key(), DocKind.SYNDICATED, "syn:" + how);
  }

  private String maybeAffixed(String title, SiteTemplate partner) {
    return random.nextBoolean() ? title : title + " | " + partner.name();
  }

  SiteTemplate partner() {
    return partners.get(random.nextInt(partners.size()));
  }

  Instant later(Source a) {
    return a.publishedAt().plusSeconds(1 + random.nextInt((int) SPREAD.toSeconds()));
  }

  static String slug(String title) {
    String slug = TextVariants.slug(title == null ? "" : title);
    return slug.isEmpty() ? "story" : slug;
  }

  private static String baseForm(String form) {
    int plus = form.indexOf('+');
    return plus < 0 ? form : form.substring(0, plus) + "+";
  }
}
