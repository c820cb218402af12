package news.pipeline.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
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
      long n = Math.min(options.warmupDocs(), options.docs());
      PassThroughPhase.Result raw = passThrough.run(base, n);
      CleanerPhase cleanerPhase = new CleanerPhase(options, documents, err);
      PipelinePass pass = new PipelinePass(options, err, totalBytes);
      int cleanerRounds = WarmUp.run("cleaner alone", n, options.warmupRounds(), err, cleanerPhase::warmUp);
      long jitBefore = CpuTimes.jitMillis();
      Rate cleaner = cleanerPhase.run(totalBytes);
      double cleanerJit = (CpuTimes.jitMillis() - jitBefore) / 1e3;
      List<PipelineRun> scaling = options.scaling() ? scaling(bootstrap, pass) : new ArrayList<>();
      int pipelineRounds = warmUpPipeline(bootstrap, pass, n);

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
          documents.description(), options.docs(), totalBytes, raw.rate(), cleaner, pipeline, latency, state, heapAfterGc,
          scaling, loadBefore, loadAfter, cleanerPhase.cpuSeconds(), cleanerJit, raw.warmupRounds(), cleanerRounds,
          pipelineRounds);
    }
  }

  /**
   * The whole pipeline in {@link WarmUp} rounds of {@code --warmup-docs} documents, untimed, right
   * before the timed pass (the cleaner alone has its own warm-up right before its pass), so that the timed
   * pass runs compiled code: the pipeline's own, Kafka Streams', the clients' and the broker's. It
   * runs under its own application id on a copy of those documents in {@value #WARMUP_TOPIC}; its
   * state and outputs are not used again. Nothing else runs between the warm-up and the timed pass:
   * with the cleaner-alone pass in between, the JVM had dropped much of the Kafka code compiled in
   * the warm-up as unused (the code cache sweeper), and the timed pass compiled it again.
   */
  private int warmUpPipeline(String bootstrap, PipelinePass pass, long n) throws Exception {
    if (n == 0) {
      return 0;
    }
    PipelineConfig config = options.pipelineConfig(bootstrap, "warmup", options.threads(), WARMUP_TOPIC);
    TopicSetup.ensureTopics(config);
    try (PipelineInstances instances = PipelineInstances.start(config, options.instances(), "warmup", options.dataDir())) {
      return WarmUp.run("pipeline", n, options.warmupRounds(), err, (from, to) -> {
        publisher.publish(config, from, to);
        pass.drain(config, instances);
      });
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
