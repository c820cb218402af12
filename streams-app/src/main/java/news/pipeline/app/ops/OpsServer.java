package news.pipeline.app.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's small HTTP server (the JDK's {@code com.sun.net.httpserver}, two threads):
 *
 * <ul>
 *   <li>{@code /metrics}: Prometheus text format (OpenMetrics when the scraper asks for it);
 *   <li>{@code /health}: liveness, {@code /ready}: readiness, JSON, 200 or 503 (see {@link Health});
 *   <li>{@code /}: the live view page; {@code /api/stats} and {@code /api/articles}: its JSON.
 * </ul>
 */
public final class OpsServer implements AutoCloseable {

  private static final Logger LOGGER = LoggerFactory.getLogger(OpsServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService handlers;
  private final ScheduledExecutorService sampler;
  private final Supplier<KafkaStreams.State> state;
  private final PipelineMetrics metrics;
  private final LiveFeed feed;
  private final Throughput throughput = new Throughput(Duration.ofMinutes(1));
  private final long startedNanos = System.nanoTime();
  private final byte[] page;

  private OpsServer(
      HttpServer server, Supplier<KafkaStreams.State> state, PipelineMetrics metrics, LiveFeed feed) {
    this.server = server;
    this.state = state;
    this.metrics = metrics;
    this.feed = feed;
    this.page = resource("ops/live.html");
    this.handlers = Executors.newFixedThreadPool(2, daemon("ops-http"));
    this.sampler = Executors.newSingleThreadScheduledExecutor(daemon("ops-throughput"));
  }

  /**
   * Binds {@code port} on every interface (0: a free port) and serves until closed.
   *
   * @param state the Kafka Streams state now (null before the client exists)
   * @param feed the live view's articles, or null to serve an empty list
   */
  public static OpsServer start(int port, Supplier<KafkaStreams.State> state, PipelineMetrics metrics, LiveFeed feed)
      throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(port), 16);
    OpsServer ops = new OpsServer(http, state, metrics, feed);
    http.setExecutor(ops.handlers);
    http.createContext("/", ops::handle);
    http.start();
    ops.sampler.scheduleAtFixedRate(
        () -> ops.throughput.sample(System.nanoTime(), metrics.snapshot().documentsIn()), 0, 1, TimeUnit.SECONDS);
    LOGGER.info("operations server listening port={} endpoints=/metrics,/health,/ready,/api/stats,/api/articles,/",
        ops.port());
    return ops;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The live view's address on this machine. */
  public URI url() {
    return URI.create("http://localhost:" + port() + "/");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      switch (exchange.getRequestURI().getPath()) {
        case "/", "/index.html" -> send(exchange, 200, "text/html; charset=utf-8", page);
        case "/metrics" -> metrics(exchange);
        case "/health" -> health(exchange, Health.liveness(state.get()));
        case "/ready" -> health(exchange, Health.readiness(state.get()));
        case "/api/stats" -> json(exchange, 200, stats());
        case "/api/articles" -> json(exchange, 200, articles());
        default -> send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      LOGGER.warn("request failed path={} error={}", exchange.getRequestURI().getPath(), e.toString());
    }
  }

  /** The counters, rates and state for {@code /api/stats}. */
  public Stats stats() {
    long uptime = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
    int live = feed == null ? 0 : feed.articles().size();
    return Stats.of(String.valueOf(state.get()), uptime, throughput.perSecond(), metrics.snapshot(), live);
  }

  private Map<String, Object> articles() {
    return Map.of(
        "articles", feed == null ? java.util.List.of() : feed.articles().stream().map(LiveFeed::view).toList(),
        "versionsRead", feed == null ? 0 : feed.versionsRead(),
        "tombstonesRead", feed == null ? 0 : feed.tombstonesRead());
  }

  private void metrics(HttpExchange exchange) throws IOException {
    if (!(metrics.registry() instanceof PrometheusMeterRegistry prometheus)) {
      send(exchange, 404, "text/plain; charset=utf-8", "no Prometheus registry\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    String type = accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS : PROMETHEUS_TEXT;
    ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
    prometheus.scrape(body, type);
    send(exchange, 200, type, body.toByteArray());
  }

  private static void health(HttpExchange exchange, Health.Status status) throws IOException {
    json(exchange, status.httpStatus(), Map.of("status", status.status(), "streamsState", status.state()));
  }

  private static void json(HttpExchange exchange, int code, Object value) throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    send(exchange, code, "application/json", JSON.writeValueAsBytes(value));
  }

  private static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(code, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = OpsServer.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    sampler.shutdownNow();
    server.stop(0);
    handlers.shutdownNow();
  }
}
