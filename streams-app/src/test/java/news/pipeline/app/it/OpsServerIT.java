package news.pipeline.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import news.pipeline.app.Seeds;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.SeedPublisher;
import news.pipeline.app.run.TopicSetup;
import news.pipeline.testkit.TestKafka;

/**
 * {@code ./pipeline run} as a separate JVM on a real broker over the seeds, seen from outside as
 * an operator sees it: /health, /ready, /metrics, the live view in headless Chromium, the compose
 * file's health check, and SIGTERM ending it with exit code 0.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpsServerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path work;
  private static TestKafka kafka;
  private static ChildApp app;
  private static URI base;

  @BeforeAll
  static void startAppOverTheSeeds() throws Exception {
    kafka = TestKafka.start();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    base = URI.create("http://localhost:" + port + "/");
    Map<String, String> settings =
        Map.of(
            "bootstrap.servers", kafka.bootstrapServers(),
            "application.id", "ops-it",
            "state.dir", work.resolve("state").toString(),
            "http.port", Integer.toString(port));
    PipelineConfig config = PipelineRuns.config(kafka.bootstrapServers(), "ops-it", work.resolve("state"), settings);
    TopicSetup.ensureTopics(config);
    assertThat(SeedPublisher.publish(config, Seeds.DIR).sent()).isEqualTo(5);

    Path configFile = work.resolve("app.properties");
    Properties props = new Properties();
    props.putAll(settings);
    try (OutputStream out = Files.newOutputStream(configFile)) {
      props.store(out, "OpsServerIT");
    }
    app = ChildApp.start(configFile, work.resolve("app.log"));
    awaitSeedsProcessed();
  }

  /** Polls the app's own API until it has read the five seeds and the live view holds the 14 articles. */
  private static void awaitSeedsProcessed() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      assertThat(app.isAlive()).as("the app is running; log: %s", work.resolve("app.log")).isTrue();
      try {
        JsonNode stats = JSON.readTree(get("api/stats").body());
        JsonNode articles = JSON.readTree(get("api/articles").body());
        last = stats + " / " + articles.get("articles").size() + " articles";
        if (stats.get("documentsIn").asLong() == 5 && stats.get("newArticles").asLong() == 14
            && articles.get("articles").size() == 14) {
          return;
        }
      } catch (java.io.IOException e) {
        last = e.toString(); // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the seeds were not processed within 3 minutes: " + last);
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  @Order(1)
  void healthAndReadinessAnswerJsonFromTheStreamsState() throws Exception {
    HttpResponse<String> health = get("health");
    HttpResponse<String> ready = get("ready");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("UP");
    assertThat(JSON.readTree(health.body()).get("streamsState").asText()).isEqualTo("RUNNING");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("READY");
    assertThat(get("no-such-page").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void metricsExposeThePipelineCountersAndTheKafkaStreamsMetrics() throws Exception {
    HttpResponse<String> response = get("metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
    List<String> lines = response.body().lines().toList();
    assertThat(lines)
        .contains(
            "news_pipeline_documents_in_total 5.0",
            "news_pipeline_candidates_total 16.0",
            "news_pipeline_articles_new_total 14.0",
            "news_pipeline_duplicates_merged_total{signal=\"TITLE\"} 2.0",
            "news_pipeline_duplicates_merged_total{signal=\"URL\"} 0.0",
            "news_pipeline_canonical_out_total{kind=\"version\"} 16.0",
            "news_pipeline_stage_latency_seconds_count{stage=\"dedup\"} 16",
            "news_pipeline_stage_latency_seconds_count{stage=\"parse_clean\"} 5");
    assertThat(lines).anyMatch(l -> l.startsWith("news_pipeline_state_entries{store=\"dedup-documents\"} ") && !l.endsWith("NaN"));
    assertThat(lines).as("Kafka Streams client metrics").anyMatch(l -> l.startsWith("kafka_stream_"));
    assertThat(lines).as("consumer lag, to alert on").anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max"));
  }

  @Test
  @Order(3)
  void theComposeHealthCheckPassesAgainstTheApp() throws Exception {
    Path bash = Path.of("/bin/bash");
    assumeTrue(Files.isExecutable(bash), "no /bin/bash to run the compose health check with");
    List<String> check = composeHealthCheck();
    assertThat(check.subList(0, 3)).containsExactly("CMD", "bash", "-c");
    String command = check.get(3).replace("/8080 ", "/" + base.getPort() + " ");

    Process process = new ProcessBuilder(bash.toString(), "-c", command).redirectErrorStream(true).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("health check output: %s", new String(process.getInputStream().readAllBytes()))
        .isZero();
  }

  @Test
  @Order(4)
  void theLiveViewShowsTheMergedApArticleWithWhyAndTheCounts(@TempDir Path profile) throws Exception {
    Optional<HeadlessChromium> chromium = HeadlessChromium.find();
    assumeTrue(chromium.isPresent(),
        "chromium is not installed (apt-get install -y chromium; .ci/run does it when apt is available): live view not checked in a browser");

    Document dom = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      dom = Jsoup.parse(chromium.get().dumpDom(base, profile.resolve("profile-" + attempt), 10_000));
      if ("true".equals(dom.body().attr("data-ready"))) {
        break;
      }
    }
    assertThat(dom.body().attr("data-ready")).as("the page's script rendered the API's data").isEqualTo("true");

    assertThat(dom.getElementById("documents-in").text()).isEqualTo("5");
    assertThat(dom.getElementById("candidates").text()).isEqualTo("16");
    assertThat(dom.getElementById("new-articles").text()).isEqualTo("14");
    assertThat(dom.getElementById("merged").text()).isEqualTo("2");
    assertThat(dom.getElementById("rejected").text()).isEqualTo("0");
    assertThat(dom.getElementById("dedup-rate").text()).isEqualTo("12.5 %");
    assertThat(dom.select("#merged-by-signal tr[data-signal=TITLE] td").last().text()).isEqualTo("2");
    assertThat(dom.select("#articles .article")).hasSize(14);

    Element globe =
        dom.select("#articles .article").stream()
            .filter(a -> !a.select("a[href*=bostonglobe.com]").isEmpty())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Boston Globe article in the live view"));
    assertThat(globe.selectFirst("h3").text())
        .isEqualTo("Amazon bans police use of its face recognition technology for a year");
    assertThat(globe.select("tr.member")).hasSize(3);
    assertThat(memberRow(globe, "charlotteobserver.com")).containsExactly("charlotteobserver.com", "TITLE", "0.92");
    assertThat(memberRow(globe, "chron.com")).containsExactly("chron.com", "TITLE", "0.85");
    assertThat(globe.selectFirst(".meta").text()).contains("3 copies").contains("merged by TITLE × 2");
  }

  @Test
  @Order(5)
  void sigtermStopsTheAppWithExitCodeZero() throws Exception {
    int code = app.terminate(Duration.ofSeconds(90));

    assertThat(code).as("exit code after SIGTERM; log: %s", work.resolve("app.log")).isZero();
    assertThat(Files.readString(work.resolve("app.log"))).contains("stop requested by=SIGTERM").contains("stopped closedInTime=true");
  }

  private static List<String> memberRow(Element article, String host) {
    Element link = article.selectFirst("tr.member a[href*=" + host + "]");
    assertThat(link).as("a copy from %s", host).isNotNull();
    return link.closest("tr").select("td").eachText();
  }

  @SuppressWarnings("unchecked")
  private static List<String> composeHealthCheck() throws Exception {
    Map<String, Object> compose =
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(Path.of("..", "docker-compose.yml")));
    Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("streams-app");
    return (List<String>) ((Map<String, Object>) app.get("healthcheck")).get("test");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
