package news.pipeline.app.clean;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Running totals of one extractor's scores over a corpus: text scores on article pages and on all
 * pages, title, author and date accuracy on article pages whose gold has them, how often
 * non-article pages are flagged as such, and pages per second.
 */
public final class BenchmarkTally {

  /**
   * What one extractor said about one page. Any metadata field may be null when the extractor
   * does not produce it at all (then it is reported as n/a, not as wrong).
   *
   * @param text the extracted main text
   * @param title the title, or null
   * @param authors author names, or null when the extractor gives none
   * @param date the publication date as {@code YYYY-MM-DD}, or null
   * @param isArticle whether the extractor calls the page an article, or null
   */
  public record Prediction(String text, String title, List<String> authors, String date,
      Boolean isArticle) {}

  private final String name;
  private final boolean readsDates;
  private final Totals articles = new Totals();
  private final Totals all = new Totals();
  private final Rate title = new Rate();
  private final Rate author = new Rate();
  private final Rate date = new Rate();
  private final Rate dateNear = new Rate();
  private final Rate nonArticleFlagged = new Rate();
  private final Rate articleFlagged = new Rate();
  private int pagesTimed;
  private long nanosTimed;
  private long cpuNanosTimed;

  /**
   * A tally; {@code readsDates} false for an extractor that never gives dates, so its dates are
   * reported as n/a rather than as all wrong.
   */
  public BenchmarkTally(String name, boolean readsDates) {
    this.name = name;
    this.readsDates = readsDates;
  }

  public String name() {
    return name;
  }

  /** Adds one page's prediction. */
  public void add(CorpusPage page, Prediction p) {
    if (page.mainContent() != null) {
      ExtractionScore words = ExtractionScore.words(p.text(), page.mainContent());
      ExtractionScore shingles = ExtractionScore.shingles(p.text(), page.mainContent());
      all.add(words, shingles);
      if (page.isArticle()) {
        articles.add(words, shingles);
      }
    }
    if (page.isArticle()) {
      if (page.title() != null && p.title() != null) {
        title.count(TitleCleaner.norm(p.title()).equals(TitleCleaner.norm(page.title())));
      } else if (page.title() != null) {
        title.checked++;
      }
      if (page.author() != null && p.authors() != null) {
        author.count(AuthorMatch.matches(p.authors(), page.author()));
      }
      if (page.publishDate() != null && readsDates) {
        // a date not found counts as wrong
        date.count(page.publishDate().equals(p.date()));
        dateNear.count(p.date() != null && withinOneDay(page.publishDate(), p.date()));
      }
    }
    if (p.isArticle() != null) {
      (page.isArticle() ? articleFlagged : nonArticleFlagged).count(!p.isArticle());
    }
  }

  /**
   * Records the wall-clock time one page took, for pages per second, and the CPU time of the
   * thread that cleaned it, which moves less with other load on the machine.
   */
  public void time(long nanos, long cpuNanos) {
    pagesTimed++;
    nanosTimed += nanos;
    cpuNanosTimed += cpuNanos;
  }

  public double pagesPerSecond() {
    return nanosTimed == 0 ? 0 : pagesTimed / (nanosTimed / 1e9);
  }

  /** The thread's CPU milliseconds per page. */
  public double cpuMillisPerPage() {
    return pagesTimed == 0 ? 0 : cpuNanosTimed / 1e6 / pagesTimed;
  }

  public double articleWordF1() {
    return articles.wordF1();
  }

  public double articleShingleF1() {
    return articles.shingleF1();
  }

  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "%s%n", name);
    articles.print(out, "article pages");
    all.print(out, "all pages");
    title.print(out, "title match (case and punctuation ignored)");
    author.print(out, "author match (same set of names)");
    date.print(out, "publish date match (the page's own date)");
    dateNear.print(out, "publish date within one day");
    nonArticleFlagged.print(out, "non-article pages flagged as not articles");
    articleFlagged.print(out, "article pages wrongly flagged as not articles");
    if (pagesTimed > 0) {
      out.printf(Locale.ROOT, "  %-48s %.1f  (%d pages, one thread, after warm-up)%n",
          "pages per second", pagesPerSecond(), pagesTimed);
      out.printf(Locale.ROOT, "  %-48s %.2f%n", "CPU ms per page (the cleaning thread)",
          cpuMillisPerPage());
    }
  }

  /** One table row in Markdown: the figures the README reports. */
  public String markdownRow() {
    return String.format(Locale.ROOT,
        "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %.1f |",
        name, fmt(articles.wordF1()), fmt(articles.shingleF1()), title.cell(), author.cell(),
        date.cell(), dateNear.cell(), nonArticleFlagged.cell(), articleFlagged.cell(),
        pagesPerSecond(), cpuMillisPerPage());
  }

  public static String markdownHeader() {
    return "| extractor | articles word F1 | articles shingle F1 | title | author | date |"
        + " date +-1 day | non-articles flagged | articles wrongly flagged | pages/s |"
        + " CPU ms/page |\n"
        + "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|";
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.3f", d);
  }

  private static boolean withinOneDay(String gold, String predicted) {
    try {
      long days = ChronoUnit.DAYS.between(LocalDate.parse(gold), LocalDate.parse(predicted));
      return Math.abs(days) <= 1;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** A share of checked pages. */
  private static final class Rate {
    private int checked;
    private int right;

    void count(boolean ok) {
      checked++;
      if (ok) {
        right++;
      }
    }

    String cell() {
      return checked == 0 ? "n/a" : fmt((double) right / checked);
    }

    void print(PrintStream out, String label) {
      out.printf(Locale.ROOT, "  %-48s %s%s%n", label, cell(),
          checked == 0 ? "" : "  (" + right + "/" + checked + ")");
    }
  }

  /** Sums of per-page scores. */
  private static final class Totals {
    private int pages;
    private double wordF1;
    private double shinglePrecision;
    private double shingleRecall;

    void add(ExtractionScore words, ExtractionScore shingles) {
      pages++;
      wordF1 += words.f1();
      shinglePrecision += shingles.precision();
      shingleRecall += shingles.recall();
    }

    double wordF1() {
      return pages == 0 ? 0 : wordF1 / pages;
    }

    double shingleF1() {
      if (pages == 0) {
        return 0;
      }
      double p = shinglePrecision / pages;
      double r = shingleRecall / pages;
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    void print(PrintStream out, String label) {
      if (pages == 0) {
        return;
      }
      out.printf(Locale.ROOT, "  %-14s word F1 %.3f   shingle F1 %.3f (P %.3f R %.3f)  %d pages%n",
          label, wordF1(), shingleF1(), shinglePrecision / pages, shingleRecall / pages, pages);
    }
  }
}
