package news.pipeline.app.bench;

import java.util.SplittableRandom;

/**
 * Article pages made up from a seed, for when the WCXB corpus is not at hand: a head with the
 * usual metadata, navigation, an article of several paragraphs, a related-links list and a footer.
 * The same seed always gives the same page.
 */
public final class GeneratedPages {

  private static final String[] WORDS = (
      "police amazon recognition technology year company said would market court city state "
      + "government people officials report data public new million week federal program law "
      + "study research health school water energy plan council budget election vote campaign "
      + "team season game players coach league market shares investors bank rates inflation "
      + "climate storm weather river fire community residents families workers union contract "
      + "hospital patients doctors vaccine virus science space mission launch museum artist film "
      + "music festival restaurant travel airline airport train transit housing rent prices "
      + "software security privacy internet platform users network phone device chip battery")
      .split(" ");

  private GeneratedPages() {}

  /** The page for {@code seed}; the same seed gives the same page. */
  public static String page(int seed) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L);
    String headline = headline(random);
    StringBuilder html = new StringBuilder(32 * 1024);
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(headline).append(" | Example News</title>")
        .append("<meta property=\"og:title\" content=\"").append(headline).append("\">")
        .append("<meta name=\"author\" content=\"Jane Reporter\">")
        .append("<meta property=\"article:published_time\" content=\"2024-05-")
        .append(10 + seed % 18).append("T08:00:00Z\"></head><body>");
    html.append("<header><nav><ul>");
    for (String section : new String[] {"Home", "World", "Business", "Tech", "Sports", "Opinion", "Weather"}) {
      html.append("<li><a href=\"/").append(section.toLowerCase()).append("/\">").append(section).append("</a></li>");
    }
    html.append("</ul></nav></header><main><article><h1>").append(headline).append("</h1>")
        .append("<p class=\"byline\">By Jane Reporter</p>");
    int paragraphs = 8 + random.nextInt(12);
    for (int p = 0; p < paragraphs; p++) {
      html.append("<p>").append(sentence(random, 25 + random.nextInt(30))).append(' ')
          .append(sentence(random, 15 + random.nextInt(20))).append("</p>");
    }
    html.append("</article><aside><h2>Related</h2><ul>");
    for (int r = 0; r < 6; r++) {
      html.append("<li><a href=\"/story-").append(random.nextInt(100_000)).append(".html\">")
          .append(headline(random)).append("</a></li>");
    }
    html.append("</ul></aside></main><footer><p>Copyright Example News. All rights reserved.</p>")
        .append("<p><a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a> <a href=\"/contact\">Contact</a></p>")
        .append("</footer></body></html>");
    return html.toString();
  }

  static String headline(SplittableRandom random) {
    String s = sentence(random, 7 + random.nextInt(5));
    return s.substring(0, s.length() - 1);
  }

  static String sentence(SplittableRandom random, int words) {
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      if (w == 0) {
        s.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      } else {
        s.append(' ').append(word);
      }
    }
    return s.append('.').toString();
  }

  static String slug(SplittableRandom random, int words) {
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < words; w++) {
      s.append(w == 0 ? "" : "-").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return s.toString();
  }
}
