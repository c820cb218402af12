package news.pipeline.benchmarks.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import news.pipeline.app.bench.GeneratedPages;
import news.pipeline.app.clean.CorpusPage;

/**
 * The pages the microbenchmarks work on: the first WCXB dev pages from {@code -Dbench.corpus}
 * (default {@code ../shared/corpus/wcxb-dev}, read at run time, never copied into the project),
 * or generated article pages when the corpus is not there.
 */
final class BenchPages {

  /** A page and the URL it was fetched from. */
  record Page(String html, String url) {}

  private BenchPages() {}

  static List<Page> load(int count) {
    Path corpus = Path.of(System.getProperty("bench.corpus", "../shared/corpus/wcxb-dev"));
    List<Page> pages = new ArrayList<>();
    Path truths = corpus.resolve("ground-truth");
    if (Files.isDirectory(truths)) {
      try (Stream<Path> files = Files.list(truths)) {
        for (Path truth : files.filter(p -> p.toString().endsWith(".json")).sorted().limit(count).toList()) {
          String id = truth.getFileName().toString().replace(".json", "");
          CorpusPage page = CorpusPage.read(truth, corpus.resolve("html").resolve(id + ".html.gz"));
          pages.add(new Page(page.html(), page.url()));
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the corpus in " + corpus, e);
      }
    }
    if (pages.isEmpty()) {
      System.err.println("corpus not found at " + corpus.toAbsolutePath() + ": benchmarking generated pages");
      for (int i = 0; i < count; i++) {
        pages.add(new Page(GeneratedPages.page(i + 1), "https://news.example.com/2024/05/story-" + i + ".html"));
      }
    }
    return pages;
  }
}
