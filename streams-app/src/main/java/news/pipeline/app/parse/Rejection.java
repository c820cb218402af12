package news.pipeline.app.parse;

/**
 * Why a document was rejected: the stage that refused it, a sentence a person can act on, and the
 * exception class when an exception was the cause (else null).
 */
public record Rejection(String stage, String reason, String exceptionClass) {

  public static Rejection of(String stage, String reason) {
    return new Rejection(stage, reason, null);
  }

  public static Rejection of(String stage, String reason, Throwable cause) {
    return new Rejection(stage, reason, cause.getClass().getName());
  }
}
