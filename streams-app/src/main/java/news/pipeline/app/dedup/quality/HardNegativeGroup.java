package news.pipeline.app.dedup.quality;

import java.util.List;

/**
 * Candidates that look alike but are not all one article; every pair of them with different
 * golds is a hard negative pair.
 *
 * @param label what makes them look alike, e.g. {@code same-event}
 * @param candidateIds the candidates
 */
public record HardNegativeGroup(String label, List<String> candidateIds) {

  public HardNegativeGroup {
    candidateIds = List.copyOf(candidateIds);
  }
}
