package news.pipeline.producer.publish;

/**
 * One input that was not sent: skipped on purpose (too large, not a document) or failed (bad
 * input, or the broker refused it).
 *
 * @param kind skipped or failed
 * @param where the input, e.g. {@code file:a.html} or {@code stdin line 3}
 * @param reason a sentence for a person
 */
public record Problem(Kind kind, String where, String reason) {

  /** Whether the input was left out on purpose or could not be sent. */
  public enum Kind {
    SKIPPED,
    FAILED
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + where + ": " + reason;
  }
}
