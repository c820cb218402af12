package news.pipeline.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds a {@link PipelineConfig}: the defaults file on the class path, then a config file, then
 * environment variables ({@code NEWS_PIPELINE_DEDUP_HORIZON} overrides {@code dedup.horizon}), then
 * explicit overrides (command-line options). Unknown keys and bad values are reported all at once.
 */
public final class ConfigLoader {

  /** The defaults file on the class path; it documents every key. */
  public static final String DEFAULTS_RESOURCE = "news-pipeline.properties";

  public static final String ENV_PREFIX = "NEWS_PIPELINE_";
  public static final String KAFKA_PREFIX = "kafka.";

  private static final String STATE_DIR = "state.dir";

  /** The outcome of loading: a config, or every problem found. */
  public record Result(Optional<PipelineConfig> config, List<String> errors) {
    public PipelineConfig orThrow() {
      return config.orElseThrow(
          () -> new InvalidConfigException("invalid configuration:\n  " + String.join("\n  ", errors)));
    }
  }

  /** Thrown by {@link Result#orThrow()}; the message lists every problem. */
  public static final class InvalidConfigException extends RuntimeException {
    public InvalidConfigException(String message) {
      super(message);
    }
  }

  private ConfigLoader() {}

  /** The defaults with environment overrides only. */
  public static PipelineConfig fromEnvironment() {
    return load(null, System.getenv(), Map.of()).orThrow();
  }

  public static Result load(Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, String> defaults = defaults();
    Map<String, String> values = new TreeMap<>(defaults);
    List<String> errors = new ArrayList<>();
    Set<String> given = new HashSet<>();
    if (file != null) {
      readFile(file, errors).forEach((k, v) -> put(values, given, defaults, k, v, "config file " + file, errors));
    }
    env.forEach(
        (name, value) -> {
          if (name.startsWith(ENV_PREFIX)) {
            String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            put(values, given, defaults, key, value, "environment variable " + name, errors);
          }
        });
    overrides.forEach((k, v) -> put(values, given, defaults, k, v, "option", errors));
    PipelineConfig config = bind(values, errors, !given.contains(STATE_DIR));
    checkGuarantees(config.kafka(), errors);
    checkRetention(config.dedup(), errors);
    return new Result(errors.isEmpty() ? Optional.of(config) : Optional.empty(), List.copyOf(errors));
  }

  /**
   * A live article's representative is read back from the candidates topic, and an article lives
   * for at least a horizon after its last copy: the topic must keep candidates well past that.
   */
  private static void checkRetention(PipelineConfig.Dedup dedup, List<String> errors) {
    if (dedup.horizon() != null
        && dedup.candidateRetention() != null
        && dedup.candidateRetention().compareTo(dedup.horizon().multipliedBy(2)) < 0) {
      errors.add("dedup.candidate.retention (" + dedup.candidateRetention() + ") must be at least twice"
          + " dedup.horizon (" + dedup.horizon() + "): live articles' representatives are read back from the"
          + " candidates topic");
    }
  }

  /** The defaults file as key/value pairs. */
  public static Map<String, String> defaults() {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the class path");
      }
      Properties props = new Properties();
      props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> map = new TreeMap<>();
      props.forEach((k, v) -> map.put(k.toString(), v.toString().trim()));
      return map;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
    }
  }

  private static Map<String, String> readFile(Path file, List<String> errors) {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(reader);
    } catch (IOException e) {
      errors.add("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, String> map = new TreeMap<>();
    props.forEach((k, v) -> map.put(k.toString(), v.toString().trim()));
    return map;
  }

  private static void put(
      Map<String, String> values, Set<String> given, Map<String, String> defaults, String key, String value,
      String origin, List<String> errors) {
    if (key.startsWith(KAFKA_PREFIX) || defaults.containsKey(key)) {
      values.put(key, value);
      given.add(key);
    } else {
      errors.add("unknown key '" + key + "' in " + origin + " (known keys: see " + DEFAULTS_RESOURCE + ")");
    }
  }

  /**
   * @param defaultStateDir whether {@code state.dir} is the defaults file's value, a path inside
   *     the pipeline's folder ({@link PipelineHome}); a value the user set is taken as it is
   *     (relative to the current directory)
   */
  private static PipelineConfig bind(Map<String, String> v, List<String> errors, boolean defaultStateDir) {
    Map<String, String> kafka = new TreeMap<>();
    v.forEach((k, val) -> {
      if (k.startsWith(KAFKA_PREFIX)) {
        kafka.put(k.substring(KAFKA_PREFIX.length()), val);
      }
    });
    return new PipelineConfig(
        nonBlank(v, "bootstrap.servers", errors),
        nonBlank(v, "application.id", errors),
        defaultStateDir ? PipelineHome.resolve(nonBlank(v, STATE_DIR, errors)) : Path.of(nonBlank(v, STATE_DIR, errors)),
        parse(v, "num.stream.threads", Integer::parseInt, 1, n -> n >= 1 && n <= 64, "1 to 64", errors),
        parse(v, "parse.workers", Integer::parseInt, 2, n -> n >= 1 && n <= 16, "1 to 16", errors),
        parse(v, "topics.partitions", Integer::parseInt, 1, n -> n >= 1 && n <= 10_000, "1 to 10000", errors),
        parse(v, "topics.replication.factor", Short::parseShort, (short) 1, n -> n >= 1, "at least 1", errors),
        new PipelineConfig.Topics(
            nonBlank(v, "topic.raw", errors),
            nonBlank(v, "topic.canonical", errors),
            nonBlank(v, "topic.duplicates", errors),
            nonBlank(v, "topic.rejected", errors)),
        new PipelineConfig.Dedup(
            parse(v, "dedup.horizon", Duration::parse, Duration.ofDays(3), d -> !d.isNegative() && !d.isZero(),
                "a positive ISO-8601 duration such as P3D or PT12H", errors),
            fraction(v, "dedup.title.threshold", errors),
            fraction(v, "dedup.body.threshold", errors),
            fraction(v, "dedup.body.differ.threshold", errors),
            parse(v, "dedup.candidate.retention", Duration::parse, Duration.ofDays(30),
                d -> !d.isNegative() && !d.isZero(), "a positive ISO-8601 duration such as P30D", errors)),
        parse(v, "limits.max.document.bytes", Long::parseLong, 10_485_760L, n -> n > 0, "a positive number of bytes", errors),
        parse(v, "commit.interval.ms", Long::parseLong, 100L, n -> n > 0, "a positive number of milliseconds", errors),
        kafka,
        new PipelineConfig.Limits(
            Duration.ofMillis(
                parse(v, "limits.parse.timeout.ms", Long::parseLong, 10_000L, n -> n > 0,
                    "a positive number of milliseconds", errors)),
            parse(v, "limits.max.html.depth", Integer::parseInt, 1000, n -> n >= 16, "at least 16", errors),
            parse(v, "limits.max.html.elements", Integer::parseInt, 200_000, n -> n >= 100, "at least 100", errors),
            parse(v, "limits.max.title.chars", Integer::parseInt, 500, n -> n >= 20, "at least 20", errors)),
        new PipelineConfig.Ops(
            parse(v, "http.port", Integer::parseInt, 8080, n -> n >= -1 && n <= 65_535,
                "a port (1 to 65535), 0 for a free port or -1 for no HTTP server", errors),
            parse(v, "shutdown.timeout", Duration::parse, Duration.ofSeconds(30), d -> !d.isNegative() && !d.isZero(),
                "a positive ISO-8601 duration such as PT30S", errors),
            parse(v, "live.articles", Integer::parseInt, 50, n -> n >= 1 && n <= 10_000, "1 to 10000", errors)));
  }

  /**
   * The pass-through may carry any client setting but not one that weakens exactly-once: the
   * app's consumers read committed data only and Kafka Streams runs exactly_once_v2.
   */
  private static void checkGuarantees(Map<String, String> kafka, List<String> errors) {
    Map<String, String> fixed =
        Map.of("isolation.level", "read_committed", "processing.guarantee", "exactly_once_v2");
    fixed.forEach(
        (key, required) -> {
          String value = kafka.get(key);
          if (value != null && !value.strip().equalsIgnoreCase(required)) {
            errors.add(KAFKA_PREFIX + key + "=" + value + " is not allowed: the pipeline always runs with " + key
                + "=" + required);
          }
        });
  }

  private static String nonBlank(Map<String, String> v, String key, List<String> errors) {
    String value = v.getOrDefault(key, "");
    if (value.isBlank()) {
      errors.add(key + " must not be empty");
    }
    return value;
  }

  private static double fraction(Map<String, String> v, String key, List<String> errors) {
    return parse(v, key, Double::parseDouble, 0.5, d -> d > 0 && d <= 1, "a number in (0, 1]", errors);
  }

  private static <T> T parse(
      Map<String, String> v, String key, Function<String, T> parser, T fallback,
      java.util.function.Predicate<T> valid, String expected, List<String> errors) {
    String raw = v.get(key);
    try {
      T value = parser.apply(raw);
      if (valid.test(value)) {
        return value;
      }
    } catch (NumberFormatException | DateTimeParseException | NullPointerException e) {
      // reported below
    }
    errors.add(key + "=" + raw + " is invalid: expected " + expected);
    return fallback;
  }
}
