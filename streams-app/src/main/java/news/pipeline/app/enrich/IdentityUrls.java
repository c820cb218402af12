package news.pipeline.app.enrich;

import java.util.ArrayList;
import java.util.List;
import news.pipeline.url.UrlCanonicalizer;

/**
 * Which of a document's URLs may identify it. A page's {@code rel=canonical} or {@code og:url}
 * sometimes names the site's home page or the section above the article (a template default);
 * taken as an identity, it would give every page of that site one URL key. So a URL whose key is
 * the bare host, or a path ancestor of another URL key of the same document, is dropped. Keys are
 * compared after canonicalization, so an AMP form ({@code /story/amp}) is not a child of its
 * article.
 */
final class IdentityUrls {

  private IdentityUrls() {}

  static List<String> of(List<String> urls) {
    return identities(urls).stream().map(Identity::url).toList();
  }

  /** A kept URL and its key ({@code ""} when the URL has none). */
  record Identity(String url, String key) {}

  /** The kept URLs with their keys, each key computed once (the caller needs them too). */
  static List<Identity> identities(List<String> urls) {
    List<String> keys = urls.stream().map(u -> UrlCanonicalizer.key(u).orElse("")).toList();
    List<Identity> kept = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      String key = keys.get(i);
      boolean ancestor = false;
      for (String other : keys) {
        ancestor |= isAncestorKey(key, other);
      }
      if (!ancestor) {
        kept.add(new Identity(urls.get(i), key));
      }
    }
    return kept;
  }

  /** Whether key {@code a} is the host alone or a path section above key {@code b}. */
  static boolean isAncestorKey(String a, String b) {
    if (a.isEmpty() || b.isEmpty() || a.equals(b) || a.indexOf('?') >= 0) {
      return false;
    }
    String section = a.endsWith("/") ? a : a + "/";
    return b.startsWith(section);
  }

}
