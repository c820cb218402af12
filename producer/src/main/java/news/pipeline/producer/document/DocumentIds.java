package news.pipeline.producer.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic document ids. The id is the first 16 hex characters of
 * {@code SHA-256(url-or-empty + "\n" + sha256hex(body))}: it depends on the URL and the bytes only,
 * never on who sent them or when, so a re-publish or a replay reproduces it, and identical bytes
 * without a URL are one document whichever file they came from.
 *
 * <p>{@code String id = DocumentIds.of("https://example.com/a", body);}
 */
public final class DocumentIds {

  /** Length of an id in hex characters (64 bits). */
  public static final int LENGTH = 16;

  private DocumentIds() {}

  /** The id of a body fetched from {@code url} (null when unknown). */
  public static String of(String url, byte[] body) {
    String material = (url == null ? "" : url) + "\n" + sha256Hex(body);
    return sha256Hex(material.getBytes(StandardCharsets.UTF_8)).substring(0, LENGTH);
  }

  /** Lower-case hex SHA-256 of the bytes. */
  public static String sha256Hex(byte[] bytes) {
    return HEX.formatHex(SHA_256.get().digest(bytes));
  }

  private static final HexFormat HEX = HexFormat.of();

  /** One digest per thread: looking one up by name goes through the security providers each time. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  });
}
