package news.pipeline.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import news.pipeline.app.cli.PipelineCli;
import news.pipeline.app.config.ConfigLoader;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.topology.Topics;
import picocli.CommandLine;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this reads it and checks it against
 * what the apps accept: services and images, environment keys and values, commands and options,
 * ports and health checks, the topics, and the Dockerfile the image is built from.
 */
class ComposeFileTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() throws Exception {
    Map<String, Object> compose =
        new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(ROOT.resolve("docker-compose.yml")));
    services = (Map<String, Map<String, Object>>) compose.get("services");
  }

  @Test
  void theServicesAreTheBrokerTopicsTwoAppReplicasAndAWatchingProducer() {
    assertThat(services).containsKeys("kafka", "topics", "streams-app", "producer");
    String kafkaVersion = property(read(ROOT.resolve("pom.xml")), "kafka.version");
    assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:" + kafkaVersion);
    assertThat(services.get("topics").get("image")).isEqualTo("apache/kafka:" + kafkaVersion);
    assertThat(services.get("streams-app").get("build")).isEqualTo(".");
    String image = (String) services.get("streams-app").get("image");
    assertThat(services.get("producer").get("image")).isEqualTo(image);
    assertThat(map(services.get("streams-app"), "deploy").get("replicas")).isEqualTo(2);
  }

  @Test
  void everyPipelineEnvironmentVariableIsAKnownKeyWithAValidValue() {
    Map<String, String> dockerfileEnv = dockerfileEnv();
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      Map<String, String> env = new HashMap<>(dockerfileEnv);
      env.putAll(environment(service.getValue()));
      ConfigLoader.Result result = ConfigLoader.load(null, env, Map.of());
      assertThat(result.errors()).as("environment of service %s", service.getKey()).isEmpty();
    }
    assertThat(environment(services.get("streams-app")))
        .containsKeys("NEWS_PIPELINE_BOOTSTRAP_SERVERS", "NEWS_PIPELINE_HTTP_PORT");
  }

  @Test
  void theAppPublishesAndHealthChecksItsHttpPort() {
    Map<String, Object> app = services.get("streams-app");
    int httpPort = appConfig(app).ops().httpPort();

    List<String> ports = list(app, "ports");
    assertThat(ports).isNotEmpty();
    for (String mapping : ports) {
      assertThat(mapping.substring(mapping.lastIndexOf(':') + 1)).as("container port of %s", mapping)
          .isEqualTo(Integer.toString(httpPort));
    }
    String check = String.join(" ", list(map(app, "healthcheck"), "test"));
    assertThat(check).contains("/" + httpPort + " ").contains("GET /health ");
    assertThat(String.valueOf(app.get("stop_grace_period")))
        .as("longer than shutdown.timeout (%s)", appConfig(app).ops().shutdownTimeout())
        .matches(grace -> java.time.Duration.parse("PT" + grace.toUpperCase()).compareTo(
            appConfig(app).ops().shutdownTimeout()) > 0);
  }

  @Test
  void commandsParseWithTheCommandLineTheImageRuns() {
    CommandLine.ParseResult app = PipelineCli.commandLine().parseArgs(args(services.get("streams-app")));
    assertThat(app.subcommand().commandSpec().name()).isEqualTo("run");

    Map<String, Object> producer = services.get("producer");
    CommandLine.ParseResult watch = PipelineCli.commandLine().parseArgs(args(producer));
    assertThat(watch.subcommand().commandSpec().name()).isEqualTo("watch");
    String folder = watch.subcommand().matchedPositionals().get(0).getValue().toString();
    assertThat(list(producer, "volumes")).as("the watched folder is a mounted volume").anyMatch(v -> v.endsWith(":" + folder));
    String bootstrap = watch.subcommand().matchedOptionValue("--bootstrap-server", "");
    assertThat(environment(services.get("kafka")).get("KAFKA_ADVERTISED_LISTENERS")).contains(bootstrap);
    assertThat(appConfig(services.get("streams-app")).bootstrapServers()).isEqualTo(bootstrap);
  }

  @Test
  void theTopicsServiceCreatesTheTopicsTheAppUses() {
    String script = String.join("\n", list(services.get("topics"), "command"));
    Set<String> created = new TreeSet<>();
    Matcher m = Pattern.compile("--topic (\\S+)").matcher(script);
    while (m.find()) {
      created.add(m.group(1));
    }
    PipelineConfig app = appConfig(services.get("streams-app"));
    PipelineConfig.Topics topics = app.topics();
    String candidates = Topics.candidates(app);
    assertThat(created)
        .containsExactlyInAnyOrder(topics.raw(), topics.canonical(), topics.duplicates(), topics.rejected(), candidates);
    assertThat(script).containsPattern("--topic " + Pattern.quote(topics.canonical()) + " [^\\n]*cleanup.policy=compact");
    // dedup's candidates topic: one partition, timed on append, kept as long as the app would keep it
    String line = script.lines().filter(l -> l.contains("--topic " + candidates + " ")).findFirst().orElseThrow();
    assertThat(line)
        .contains("--partitions 1 ")
        .contains("message.timestamp.type=LogAppendTime")
        .contains("retention.ms=" + app.dedup().candidateRetention().toMillis());
  }

  @Test
  void theDockerfileCopiesTheBuiltJarAndItsEntrypointClassExists() throws Exception {
    String dockerfile = read(ROOT.resolve("Dockerfile"));
    String finalName = Pattern.compile("<finalName>([^<]+)</finalName>")
        .matcher(read(ROOT.resolve("streams-app/pom.xml"))).results().findFirst().orElseThrow().group(1);
    assertThat(dockerfile).contains("COPY streams-app/target/" + finalName + ".jar").contains("COPY streams-app/target/lib/");

    Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$").matcher(dockerfile);
    assertThat(entrypoint.find()).isTrue();
    List<String> parts = new ArrayList<>();
    Pattern.compile("\"([^\"]*)\"").matcher(entrypoint.group(1)).results().forEach(r -> parts.add(r.group(1)));
    String mainClass = parts.get(parts.size() - 1);
    assertThat(Class.forName(mainClass).getMethod("main", String[].class)).isNotNull();
  }

  // ---- helpers ----

  private static PipelineConfig appConfig(Map<String, Object> service) {
    Map<String, String> env = new HashMap<>(dockerfileEnv());
    env.putAll(environment(service));
    return ConfigLoader.load(null, env, Map.of()).orThrow();
  }

  private static Map<String, String> dockerfileEnv() {
    Map<String, String> env = new HashMap<>();
    Pattern.compile("(?m)^ENV (\\S+)=(\\S+)$").matcher(read(ROOT.resolve("Dockerfile"))).results()
        .forEach(r -> env.put(r.group(1), r.group(2)));
    return env;
  }

  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new HashMap<>();
    map(service, "environment").forEach((k, v) -> env.put(k, String.valueOf(v)));
    return env;
  }

  private static String[] args(Map<String, Object> service) {
    return list(service, "command").toArray(String[]::new);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  private static List<String> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (value == null) {
      return List.of();
    }
    return ((List<?>) value).stream().map(String::valueOf).toList();
  }

  private static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertThat(m.find()).as("property %s", name).isTrue();
    return m.group(1);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
