package news.pipeline.app.dedup;

import news.pipeline.avro.MatchSignal;

/** One document a candidate matched: by which signal, how similar. */
record Match(String documentId, MatchSignal signal, double similarity) {

  /**
   * URL beats body beats title; within a signal the higher similarity wins; then the smaller
   * document id, so that the choice is the same whatever order the links were found in.
   */
  boolean betterThan(Match other) {
    if (other == null) {
      return true;
    }
    if (rank(signal) != rank(other.signal)) {
      return rank(signal) > rank(other.signal);
    }
    if (similarity != other.similarity) {
      return similarity > other.similarity;
    }
    return documentId.compareTo(other.documentId) < 0;
  }

  static int rank(MatchSignal signal) {
    return switch (signal) {
      case URL -> 3;
      case BODY -> 2;
      case TITLE -> 1;
      default -> 0;
    };
  }
}
