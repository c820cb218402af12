package news.pipeline.benchmarks.jmh;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import news.pipeline.url.UrlCanonicalizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** {@link UrlCanonicalizer#key} over the URL shapes the pipeline meets: plain, tracking, AMP, AMP cache. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UrlKeyBenchmark {

  private static final String[] URLS = {
    "https://www.bostonglobe.com/2020/06/10/business/amazon-bans-police-use-its-face-recognition-technology-year/",
    "https://www.bostonglobe.com/2020/06/10/business/amazon-bans-police-use-its-face-recognition-technology-year/?outputType=amp",
    "https://www-bostonglobe-com.cdn.ampproject.org/c/s/www.bostonglobe.com/2020/06/10/business/amazon-bans-police-use-its-face-recognition-technology-year/?outputType=amp",
    "https://techcrunch.com/2020/06/10/amazon-rekognition-moratorium/?utm_source=twitter&utm_medium=social&fbclid=abc123",
    "http://m.example.co.uk/news/world-12345678/amp#comments",
  };

  private int next;

  @Benchmark
  public Optional<String> key() {
    return UrlCanonicalizer.key(URLS[next++ % URLS.length]);
  }
}
