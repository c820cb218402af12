package news.pipeline.app.clean;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Running totals of one extractor's scores over a corpus, split into article pages and all
 * pages; prints the summary the quality benchmark reports.
 */
public final class BenchmarkTally {

  private final String name;
  private final boolean tracksMetadata;
  private final Totals articles = new Totals();
  private final Totals all = new Totals();
  private int titleChecked;
  private int titleRight;
  private int dateChecked;
  private int dateRight;
  private int dateNear;
  private int typeChecked;
  private int typeRight;

  /** A tally for an extractor that reports dates and page types. */
  public BenchmarkTally(String name) {
    this(name, true);
  }

  /**
   * A tally; {@code tracksMetadata} false for extractors that give no date or page type, so
   * their missing values are not counted as wrong.
   */
  public BenchmarkTally(String name, boolean tracksMetadata) {
    this.name = name;
    this.tracksMetadata = tracksMetadata;
  }

  /** Adds one page; {@code title}, {@code date} or {@code isArticle} may be null if unknown. */
  public void add(CorpusPage page, String text, String title, String date, Boolean isArticle) {
    if (page.mainContent() != null) {
      ExtractionScore words = ExtractionScore.words(text, page.mainContent());
      ExtractionScore shingles = ExtractionScore.shingles(text, page.mainContent());
      all.add(words, shingles);
      if (page.isArticle()) {
        articles.add(words, shingles);
      }
    }
    if (page.title() != null && title != null || page.title() != null && page.isArticle()) {
      titleChecked++;
      if (title != null && TitleCleaner.norm(title).equals(TitleCleaner.norm(page.title()))) {
        titleRight++;
      }
    }
    if (page.publishDate() != null && page.isArticle() && tracksMetadata) {
      dateChecked++;
      if (page.publishDate().equals(date)) {
        dateRight++;
      }
      if (withinOneDay(page.publishDate(), date)) {
        dateNear++;
      }
    }
    if (isArticle != null && tracksMetadata) {
      typeChecked++;
      if (isArticle == page.isArticle()) {
        typeRight++;
      }
    }
  }

  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "%s%n", name);
    articles.print(out, "article pages");
    all.print(out, "all pages");
    if (titleChecked > 0) {
      out.printf(Locale.ROOT, "  title match (case and punctuation ignored) %.3f  (%d pages)%n",
          (double) titleRight / titleChecked, titleChecked);
    }
    if (dateChecked > 0) {
      out.printf(Locale.ROOT, "  publish date match    %.3f  (%d article pages with a gold date)%n",
          (double) dateRight / dateChecked, dateChecked);
      // gold dates are the page's local date; ours are UTC, so a late-evening post shifts a day
      out.printf(Locale.ROOT, "  publish date +-1 day  %.3f%n", (double) dateNear / dateChecked);
    }
    if (typeChecked > 0) {
      out.printf(Locale.ROOT, "  isArticle accuracy    %.3f  (%d pages)%n",
          (double) typeRight / typeChecked, typeChecked);
    }
  }

  private static boolean withinOneDay(String gold, String predicted) {
    if (predicted == null) {
      return false;
    }
    try {
      long days = ChronoUnit.DAYS.between(LocalDate.parse(gold), LocalDate.parse(predicted));
      return Math.abs(days) <= 1;
    } catch (DateTimeParseException e) {
      return false;
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

    void print(PrintStream out, String label) {
      if (pages == 0) {
        return;
      }
      double p = shinglePrecision / pages;
      double r = shingleRecall / pages;
      double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
      out.printf(Locale.ROOT, "  %-14s word F1 %.3f   shingle F1 %.3f (P %.3f R %.3f)  %d pages%n",
          label, wordF1 / pages, f, p, r, pages);
    }
  }
}
