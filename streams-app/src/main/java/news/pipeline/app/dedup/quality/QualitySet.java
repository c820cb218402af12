package news.pipeline.app.dedup.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A labeled dedup quality set: documents with the truth about each candidate, the hard negative
 * groups, and notes on how it was made (what was skipped, what was left out).
 */
public record QualitySet(List<LabeledDocument> documents, List<HardNegativeGroup> hardNegatives, List<String> notes) {

  public QualitySet {
    documents = List.copyOf(documents);
    hardNegatives = List.copyOf(hardNegatives);
    notes = List.copyOf(notes);
  }

  public static QualitySet empty(String note) {
    return new QualitySet(List.of(), List.of(), List.of(note));
  }

  public QualitySet plus(QualitySet other) {
    List<LabeledDocument> docs = new ArrayList<>(documents);
    docs.addAll(other.documents);
    List<HardNegativeGroup> groups = new ArrayList<>(hardNegatives);
    groups.addAll(other.hardNegatives);
    List<String> allNotes = new ArrayList<>(notes);
    allNotes.addAll(other.notes);
    return new QualitySet(docs, groups, allNotes);
  }

  /** Candidate id to label, for every draft of every document. */
  public Map<String, Label> labels() {
    Map<String, Label> labels = new LinkedHashMap<>();
    for (LabeledDocument doc : documents) {
      for (int i = 0; i < doc.labels().size(); i++) {
        if (labels.put(doc.candidateId(i), doc.labels().get(i)) != null) {
          throw new IllegalStateException("two documents of the quality set share candidate id " + doc.candidateId(i));
        }
      }
    }
    return labels;
  }
}
