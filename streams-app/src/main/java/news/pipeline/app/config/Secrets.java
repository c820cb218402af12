package news.pipeline.app.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Masks secret client settings (SASL JAAS configs, key and trust store passwords, OAuth client
 * secrets) before a configuration is logged or printed.
 *
 * <pre>{@code
 * Secrets.masked(Map.of("sasl.jaas.config", "... password=\"x\";")); // {sasl.jaas.config=[hidden]}
 * }</pre>
 */
public final class Secrets {

  public static final String HIDDEN = "[hidden]";

  private Secrets() {}

  /** Whether a client setting's value must never be shown. */
  public static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password")
        || k.contains("secret")
        || k.contains("jaas.config")
        || k.contains("credentials")
        || k.contains("token")
        || k.endsWith(".key")
        || k.contains("keystore.key")
        || k.contains("private.key");
  }

  /** A sorted copy with every secret value replaced by {@value #HIDDEN}. */
  public static Map<String, String> masked(Map<String, String> settings) {
    Map<String, String> copy = new TreeMap<>();
    settings.forEach((k, v) -> copy.put(k, isSecret(k) ? HIDDEN : v));
    return copy;
  }
}
