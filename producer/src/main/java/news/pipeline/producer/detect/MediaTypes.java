package news.pipeline.producer.detect;

import java.util.Locale;
import java.util.Optional;
import news.pipeline.avro.ContentType;

/**
 * Reads HTTP {@code Content-Type} values such as {@code text/html; charset=ISO-8859-1}: the
 * content type they imply and the charset they declare.
 */
public final class MediaTypes {

  private MediaTypes() {}

  /**
   * The content type a media type implies, or empty when it says nothing we can use (then the
   * bytes decide).
   */
  public static Optional<ContentType> contentType(String mediaType) {
    String essence = essence(mediaType);
    if (essence.isEmpty()) {
      return Optional.empty();
    }
    if (essence.equals("text/html") || essence.equals("application/xhtml+xml")) {
      return Optional.of(ContentType.HTML);
    }
    if (essence.equals("application/json") || essence.endsWith("+json")) {
      return Optional.of(ContentType.JSON);
    }
    if (essence.equals("text/plain")) {
      return Optional.of(ContentType.TEXT);
    }
    return Optional.empty();
  }

  /** Whether a media type is one whose payload we publish: HTML, plain text or JSON. */
  public static boolean isDocument(String mediaType) {
    return contentType(mediaType).isPresent() || essence(mediaType).startsWith("text/");
  }

  /** The {@code charset} parameter, without quotes, or null. */
  public static String charset(String mediaType) {
    if (mediaType == null || mediaType.indexOf('=') < 0) {
      return null; // no parameter at all, the usual case
    }
    for (String parameter : mediaType.split(";")) {
      String[] pair = parameter.split("=", 2);
      if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
        String value = pair[1].strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }

  /** The type/subtype part, lower-cased, without parameters; empty for null. */
  public static String essence(String mediaType) {
    if (mediaType == null) {
      return "";
    }
    int semicolon = mediaType.indexOf(';');
    String essence = semicolon >= 0 ? mediaType.substring(0, semicolon) : mediaType;
    return essence.strip().toLowerCase(Locale.ROOT);
  }
}
