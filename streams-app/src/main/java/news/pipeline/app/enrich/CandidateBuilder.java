package news.pipeline.app.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import news.pipeline.app.clean.CleanedPage;
import news.pipeline.app.dedup.similarity.BandKeys;
import news.pipeline.app.dedup.similarity.NormalizedTitle;
import news.pipeline.app.dedup.similarity.TitleNormalizer;
import news.pipeline.app.parse.ArticleDraft;
import news.pipeline.url.UrlCanonicalizer;
import news.pipeline.avro.RawDocument;
import news.pipeline.avro.internal.ArticleCandidate;

/**
 * Builds the {@link ArticleCandidate} that goes to dedup from one draft of a raw document: URL keys
 * of every URL the article is known by, the normalized title's tokens, a MinHash signature of the
 * body's word shingles (when there is enough body), word count and site name.
 */
public final class CandidateBuilder {

  /** The general categories of {@code \p{L}} and {@code \p{N}}. */
  private static final int LETTER_OR_NUMBER =
      (1 << Character.UPPERCASE_LETTER)
          | (1 << Character.LOWERCASE_LETTER)
          | (1 << Character.TITLECASE_LETTER)
          | (1 << Character.MODIFIER_LETTER)
          | (1 << Character.OTHER_LETTER)
          | (1 << Character.DECIMAL_DIGIT_NUMBER)
          | (1 << Character.LETTER_NUMBER)
          | (1 << Character.OTHER_NUMBER);

  private final int maxTitleChars;

  /** A builder with the default title limit. */
  public CandidateBuilder() {
    this(500);
  }

  /**
   * @param maxTitleChars titles longer than this are cut at a word boundary ({@code
   *     limits.max.title.chars})
   */
  public CandidateBuilder(int maxTitleChars) {
    this.maxTitleChars = maxTitleChars;
  }

  /**
   * @param index the draft's position in the document: 0 for the main article, n for the n-th
   *     related article of a metadata record (its document id gets a {@code #n} suffix)
   */
  public ArticleCandidate build(RawDocument raw, int index, ArticleDraft draft) {
    CleanedPage page = draft.page();
    Set<String> given = new LinkedHashSet<>(Sanity.webUrls(draft.urls()));
    if (index == 0) {
      given.addAll(Sanity.webUrls(java.util.Collections.singletonList(raw.getUrl())));
    }
    Set<String> urls = new LinkedHashSet<>();
    Set<String> keys = new TreeSet<>();
    for (IdentityUrls.Identity identity : IdentityUrls.identities(List.copyOf(given))) {
      urls.add(identity.url());
      if (!identity.key().isEmpty()) {
        keys.add(identity.key());
      }
    }
    String siteName = page.siteName() != null ? page.siteName() : provider(urls);
    String titleText = Sanity.title(page.title(), maxTitleChars);
    NormalizedTitle title = titleText == null ? null : TitleNormalizer.normalize(titleText, siteName);
    String text = page.text() == null || page.text().isBlank() ? null : page.text();
    int words = text == null ? 0 : countWords(text);
    return ArticleCandidate.newBuilder()
        .setDocumentId(index == 0 ? raw.getId() : raw.getId() + "#" + index)
        .setRawDocumentId(raw.getId())
        .setSource(raw.getSource())
        .setEventTime(raw.getFetchedAt())
        .setUrl(page.canonicalUrl() != null && urls.contains(page.canonicalUrl())
            ? page.canonicalUrl()
            : urls.stream().findFirst().orElse(null))
        .setUrls(new ArrayList<>(urls))
        .setUrlKeys(new ArrayList<>(keys))
        .setTitle(titleText)
        .setTitleTokens(title == null ? List.of() : title.tokens())
        .setTitleInformative(title != null && title.informative())
        .setSiteName(siteName)
        .setLanguage(page.language())
        .setAuthors(page.authors())
        .setPublishedAt(Sanity.date(page.publishedAt(), raw.getFetchedAt()))
        .setModifiedAt(Sanity.date(page.modifiedAt(), raw.getFetchedAt()))
        .setExcerpt(page.excerpt())
        .setText(text)
        .setWordCount(words)
        .setTopics(draft.topics())
        .setIsArticle(page.isArticle())
        .setBodySignature(bodySignature(text))
        .build();
  }

  private static List<Integer> bodySignature(String text) {
    int[] signature = BandKeys.bodySignature(text);
    List<Integer> list = new ArrayList<>(signature.length);
    for (int value : signature) {
      list.add(value);
    }
    return list;
  }

  private static String provider(Set<String> urls) {
    for (String url : urls) {
      Optional<String> host = host(url);
      if (host.isPresent()) {
        Optional<String> domain = UrlCanonicalizer.registrableDomain(host.get());
        if (domain.isPresent()) {
          return domain.get();
        }
      }
    }
    return null;
  }

  private static Optional<String> host(String url) {
    try {
      return Optional.ofNullable(java.net.URI.create(url.strip()).getHost());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The number of {@code [\p{L}\p{N}]+} runs (letters and numbers of any script) in {@code text}:
   * a scan over code points, the same count as the regex ({@code CandidateBuilderTest} checks every
   * code point) at a fraction of its cost.
   */
  static int countWords(String text) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean word = isLetterOrNumber(cp);
      if (word && !inWord) {
        count++;
      }
      inWord = word;
      i += Character.charCount(cp);
    }
    return count;
  }

  /** {@code \p{L}} or {@code \p{N}}: a letter or number of any general category. */
  static boolean isLetterOrNumber(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    return ((LETTER_OR_NUMBER >> Character.getType(cp)) & 1) != 0;
  }
}
