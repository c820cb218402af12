package news.pipeline.app.parse;

import java.util.List;

/** Either the drafts found in a document or the reason it was rejected. */
public record ParseResult(List<ArticleDraft> drafts, Rejection rejection) {

  public static ParseResult of(List<ArticleDraft> drafts) {
    return new ParseResult(List.copyOf(drafts), null);
  }

  public static ParseResult rejected(Rejection rejection) {
    return new ParseResult(List.of(), rejection);
  }

  public boolean isRejected() {
    return rejection != null;
  }
}
