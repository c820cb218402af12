package news.pipeline.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import news.pipeline.app.bench.BenchResult.Latency;
import news.pipeline.app.bench.BenchResult.PipelineRun;
import news.pipeline.app.bench.BenchResult.Rate;
import news.pipeline.app.config.PipelineConfig;
import news.pipeline.app.run.TopicSetup;
import news.pipeline.app.topology.Topics;
import news.pipeline.broker.EmbeddedBroker;

/**
 * The end-to-end benchmark behind {@code ./pipeline bench}: on an embedded broker, in one run and
 * over the same documents, the raw broker pass-through, the cleaner alone and the full pipeline,
 * then the end-to-end latency at half the pipeline's measured rate and the dedup state size. This
 * class only orders the phases; each is a class of its own. See {@link BenchCommand} for the
 * options and the README's Performance section for what each figure means.
 */
final class PipelineBench {

  private static final String WARMUP_TOPIC = "bench.warmup.raw";
  /** Stream threads and instances of the scaling passes. */
  private static final int[][] SCALING_SHAPES = {{1, 1}, {2, 1}, {1, 2}};

  private final BenchOptions options;
  private final PrintStream err;
  private final BenchDocuments documents;
  private final BenchPublisher publisher;

  PipelineBench(BenchOptions options, PrintStream err) {
    this.options = options;
    this.err = err;
    this.documents =
        BenchDocuments.open(
            options.corpus(), options.maxPages(), 200,
            options.metadataOnly() ? BenchDocuments.Mix.METADATA_ONLY : BenchDocuments.Mix.MIXED, err);
    this.publisher = new BenchPublisher(documents, err);
  }

  BenchResult run() throws Exception {
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    err.println("starting an embedded Kafka broker in " + options.dataDir() + " ...");
    try (EmbeddedBroker broker = EmbeddedBroker.start(options.dataDir().resolve("broker"), 0)) {
      String bootstrap = broker.bootstrapServers();
      PipelineConfig base = options.pipelineConfig(bootstrap, "bench", options.threads(), Topics.RAW);
      TopicSetup.ensureTopics(base);
      PassThroughPhase passThrough = new PassThroughPhase(options, err);
      passThrough.createTopic(base);
      long totalBytes = publisher.publish(base, 0, options.docs());
      Rate raw = passThrough.run(base);
      CleanerPhase cleanerPhase = new CleanerPhase(options, documents, err);
      PipelinePass pass = new PipelinePass(options, err, totalBytes);
      warmUp(bootstrap, cleanerPhase, pass);
      Rate cleaner = cleanerPhase.run(totalBytes);
      List<PipelineRun> scaling = options.scaling() ? scaling(bootstrap, pass) : new ArrayList<>();

      PipelineConfig config = options.pipelineConfig(bootstrap, "main", options.threads(), Topics.RAW);
      TopicSetup.ensureTopics(config);
      PipelineRun pipeline;
      Latency latency;
      try (PipelineInstances instances = PipelineInstances.start(config, options.instances(), "main", options.dataDir())) {
        pipeline = pass.await(
            config, instances, options.threads() + " thread(s) x " + options.instances() + " instance(s)", options.docs());
        latency = new LatencyProbe(options, documents, publisher, err).run(config, pipeline.rate().docsPerSecond() / 2);
      }
      BenchResult.StateSize state = ChangelogStateSize.read(config);
      System.gc();
      long heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return new BenchResult(
          documents.description(), options.docs(), totalBytes, raw, cleaner, pipeline, latency, state, heapAfterGc,
          scaling, loadBefore, loadAfter, cleanerPhase.cpuSeconds());
    }
  }

  /**
   * The cleaner alone and then the whole pipeline, each on the first {@code --warmup-docs}
   * documents (100 by default) and untimed, before either is measured, so that both timed passes
   * run compiled code. The pipeline runs under its own application id on a copy of those documents
   * in {@value #WARMUP_TOPIC}; its state and outputs are not used again. (Without it the pipeline
   * pass started with its own code, Kafka Streams and RocksDB cold while the cleaner alone had had
   * its warm-up.)
   */
  private void warmUp(String bootstrap, CleanerPhase cleaner, PipelinePass pass) throws Exception {
    long n = Math.min(options.warmupDocs(), options.docs());
    if (n == 0) {
      return;
    }
    err.printf(Locale.ROOT, "warm-up: the cleaner alone and then the pipeline on %d documents, not timed ...%n", n);
    cleaner.warmUp(n);
    PipelineConfig config = options.pipelineConfig(bootstrap, "warmup", options.threads(), WARMUP_TOPIC);
    TopicSetup.ensureTopics(config);
    publisher.publish(config, 0, n);
    try (PipelineInstances instances = PipelineInstances.start(config, options.instances(), "warmup", options.dataDir())) {
      pass.await(config, instances, "warm-up", n);
    }
  }

  /** The pipeline over the same documents in each of {@link #SCALING_SHAPES}, each under a fresh application id. */
  private List<PipelineRun> scaling(String bootstrap, PipelinePass pass) throws Exception {
    List<PipelineRun> runs = new ArrayList<>();
    for (int[] shape : SCALING_SHAPES) {
      String name = "scale" + (runs.size() + 1);
      PipelineConfig config = options.pipelineConfig(bootstrap, name, shape[0], Topics.RAW);
      TopicSetup.ensureTopics(config);
      String label = shape[0] + " thread" + (shape[0] > 1 ? "s" : "") + " x " + shape[1] + " instance"
          + (shape[1] > 1 ? "s" : "");
      try (PipelineInstances instances = PipelineInstances.start(config, shape[1], name, options.dataDir())) {
        runs.add(pass.await(config, instances, label, options.docs()));
      }
    }
    return runs;
  }
}
