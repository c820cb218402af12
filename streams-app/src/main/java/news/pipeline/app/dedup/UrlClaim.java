package news.pipeline.app.dedup;

import java.util.ArrayList;
import java.util.List;
import news.pipeline.avro.internal.ArticleCandidate;
import news.pipeline.avro.internal.DedupDocument;

/**
 * One of a candidate's URL keys and who owns it in the URL index: looked up once per decision, for
 * matching and then for filing the keys nobody owns.
 *
 * @param urlHash the key's {@link StateKeys#urlHash}
 * @param owner the document filed under it, or null
 * @param ownerDocument that document, or null when there is none (or it is gone)
 */
record UrlClaim(long urlHash, String owner, DedupDocument ownerDocument) {

  /** The claims of a candidate's URL keys, in key order. */
  static List<UrlClaim> of(ArticleCandidate c, DedupStore store) {
    List<UrlClaim> claims = new ArrayList<>(c.getUrlKeys().size());
    for (String key : c.getUrlKeys()) {
      long hash = StateKeys.urlHash(key);
      String owner = store.urlOwner(hash);
      claims.add(new UrlClaim(hash, owner, owner == null ? null : store.document(owner)));
    }
    return claims;
  }
}
