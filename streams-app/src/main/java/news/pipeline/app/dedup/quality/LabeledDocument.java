package news.pipeline.app.dedup.quality;

import java.util.List;
import news.pipeline.avro.RawDocument;

/**
 * One raw document of the quality set with the truth about each article it holds: a page holds
 * one, a metadata record with related articles holds one per article (draft {@code i} becomes
 * candidate {@code id#i}, as {@code CandidateBuilder} names it).
 */
public record LabeledDocument(RawDocument raw, List<Label> labels) {

  public LabeledDocument {
    labels = List.copyOf(labels);
  }

  public static LabeledDocument of(RawDocument raw, String gold, DocKind kind, String variant) {
    return new LabeledDocument(raw, List.of(new Label(gold, kind, variant)));
  }

  /** The candidate id of draft {@code index}. */
  public String candidateId(int index) {
    return candidateId(raw.getId(), index);
  }

  static String candidateId(String rawId, int index) {
    return index == 0 ? rawId : rawId + "#" + index;
  }
}
