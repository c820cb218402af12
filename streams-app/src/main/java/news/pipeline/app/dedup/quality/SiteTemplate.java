package news.pipeline.app.dedup.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.nodes.Entities;

/**
 * A made-up publisher's page template: navigation, a "most read" sidebar, a newsletter box and a
 * footer with an about text, all the same on every page of the site. Copies of one article on two
 * sites differ in all of this; two articles on one site share all of it.
 *
 * <pre>{@code
 * SiteTemplate site = SiteTemplate.random(3, List.of("Other headline", "Another one"), new Random(1));
 * String html = site.page("Headline", "Headline | " + site.name(), paragraphs, site.articleUrl("headline", 3));
 * }</pre>
 *
 * @param name the site's name, e.g. "The Harbor Ledger"
 * @param domain its host, e.g. {@code www.harborledger.com}
 * @param sections navigation entries
 * @param mostRead sidebar headlines (other stories)
 * @param about the footer's about text
 * @param siteWideOgUrl whether the template puts the home page in {@code og:url} on every page, a
 *     template bug real sites have
 * @param urlStyle how the site's article URLs look (see {@link #articleUrl})
 */
public record SiteTemplate(
    String name, String domain, List<String> sections, List<String> mostRead, String about, boolean siteWideOgUrl,
    int urlStyle) {

  /** Sites in a cycle of this many use the rarest URL style, an eight-digit date folder. */
  private static final int DATE_FOLDER_CYCLE = 24;

  private static final String[] FIRST = {
    "Harbor", "Valley", "Summit", "Metro", "Lakeside", "Capital", "Prairie", "Coastal", "Granite", "Riverside",
    "Northern", "Union", "Frontier", "Pioneer", "Civic", "Evening", "Morning", "Tri-County", "Bay", "Highland"
  };
  private static final String[] SECOND = {
    "Ledger", "Herald", "Courier", "Gazette", "Tribune", "Dispatch", "Chronicle", "Post", "Observer", "Sentinel",
    "Register", "Times", "Journal", "Monitor", "Record", "Examiner", "Press", "Standard", "Bulletin", "Wire"
  };
  private static final String[] SECTIONS = {
    "News", "Local", "World", "Business", "Tech", "Science", "Health", "Sports", "Politics", "Opinion",
    "Culture", "Food", "Travel", "Money", "Climate", "Education", "Real Estate", "Obituaries", "Podcasts", "Events"
  };

  /**
   * A template for site number {@code n}; its sidebar shows {@code headlines} (other stories).
   */
  public static SiteTemplate random(int n, List<String> headlines, Random random) {
    String first = FIRST[n % FIRST.length];
    String second = SECOND[(n / FIRST.length + n * 7) % SECOND.length];
    String name = (random.nextBoolean() ? "The " : "") + first + " " + second;
    String domain = "www." + (first + second).toLowerCase().replace("-", "") + (n >= FIRST.length ? n : "") + ".com";
    List<String> sections = new ArrayList<>(List.of(SECTIONS));
    java.util.Collections.shuffle(sections, random);
    String about =
        name + " has covered " + first + " and the region since " + (1890 + random.nextInt(120))
            + ". Our newsroom is independent and reader supported. We publish corrections promptly; write to"
            + " the standards editor with any concern about accuracy or fairness. Subscribers get unlimited"
            + " access to local reporting, the e-edition, puzzles and newsletters, and support journalism that"
            + " holds the powerful to account in our community.";
    return new SiteTemplate(name, domain, List.copyOf(sections.subList(0, 8)), List.copyOf(headlines), about, false,
        n % DATE_FOLDER_CYCLE == 4 ? 4 : n % 4);
  }

  /** The same template with the home page as every page's {@code og:url}. */
  public SiteTemplate withSiteWideOgUrl() {
    return new SiteTemplate(name, domain, sections, mostRead, about, true, urlStyle);
  }

  /**
   * An article URL on this site, in the site's style: {@code /section/2024/06/03/slug/}, {@code
   * /section/slug-1234567.html}, {@code /section/1234567/slug}, {@code /section/slug-1234567} or
   * {@code /section/20240603/slug}.
   *
   * @param number a number that makes the URL unique on the site
   */
  public String articleUrl(String slug, int number) {
    String section = sections.get(Math.floorMod(slug.hashCode(), sections.size())).toLowerCase().replace(' ', '-');
    int day = 1 + number % 28;
    long id = 4_000_000L + number;
    String path = switch (urlStyle) {
      case 0 -> String.format(java.util.Locale.ROOT, "2024/06/%02d/%s-%d/", day, slug, number);
      case 1 -> slug + "-" + id + ".html";
      case 2 -> id + "/" + slug;
      case 3 -> slug + "-" + id;
      default -> String.format(java.util.Locale.ROOT, "202406%02d/%s-%d", day, slug, number);
    };
    return "https://" + domain + "/" + section + "/" + path;
  }

  /**
   * A full page.
   *
   * @param headline the {@code <h1>}, or null for a page without one
   * @param documentTitle the {@code <title>} and {@code og:title}
   * @param paragraphs the article body, or empty for a page with no text
   * @param url the page's own URL, for its canonical link
   */
  public String page(String headline, String documentTitle, List<String> paragraphs, String url) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(esc(documentTitle)).append("</title>\n")
        .append("<meta property=\"og:title\" content=\"").append(esc(documentTitle)).append("\">\n")
        .append("<meta property=\"og:site_name\" content=\"").append(esc(name)).append("\">\n")
        .append("<meta property=\"og:url\" content=\"").append(esc(siteWideOgUrl ? "https://" + domain + "/" : url)).append("\">\n");
    if (!siteWideOgUrl) {
      html.append("<link rel=\"canonical\" href=\"").append(esc(url)).append("\">\n");
    }
    html.append("</head><body>\n<div class=\"cookie-banner\">We use cookies to improve your experience."
        + " <a href=\"/privacy\">Privacy policy</a> <button>Accept</button></div>\n<header><a href=\"/\" class=\"logo\">")
        .append(esc(name)).append("</a><nav><ul>");
    for (String section : sections) {
      html.append("<li><a href=\"/").append(esc(section.toLowerCase().replace(' ', '-'))).append("/\">")
          .append(esc(section)).append("</a></li>");
    }
    html.append("</ul></nav></header>\n<main><article>");
    if (headline != null) {
      html.append("<h1>").append(esc(headline)).append("</h1>\n");
    }
    for (String p : paragraphs) {
      html.append("<p>").append(esc(p)).append("</p>\n");
    }
    html.append("</article>\n<aside class=\"most-read\"><h2>Most read</h2><ol>");
    for (int i = 0; i < mostRead.size(); i++) {
      html.append("<li><a href=\"/news/").append(i).append("\">").append(esc(mostRead.get(i))).append("</a></li>");
    }
    html.append("</ol></aside>\n<aside class=\"newsletter\"><h2>Get the morning briefing</h2><p>The day's top "
        + "stories from ").append(esc(name)).append(", in your inbox every weekday at 6 a.m.</p><form>"
        + "<input type=\"email\"><button>Sign up</button></form></aside></main>\n<footer><p>")
        .append(esc(about)).append("</p><p>\u00a9 2024 ").append(esc(name))
        .append(". All rights reserved.</p><ul><li><a href=\"/about\">About us</a></li><li><a href=\"/contact\">"
            + "Contact</a></li><li><a href=\"/terms\">Terms of use</a></li></ul></footer>\n</body></html>\n");
    return html.toString();
  }

  /** An AMP rendering of an article from its origin site: minimal chrome, canonical link to the origin. */
  public static String ampPage(String headline, List<String> paragraphs, String canonicalUrl, String siteName) {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!doctype html>\n<html \u26a1 lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(headline)).append("</title>\n<link rel=\"canonical\" href=\"").append(esc(canonicalUrl))
        .append("\">\n<meta name=\"viewport\" content=\"width=device-width\">"
            + "<script async src=\"https://cdn.ampproject.org/v0.js\"></script></head>\n<body><header><a href=\"/\">")
        .append(esc(siteName)).append("</a></header>\n<article><h1>").append(esc(headline)).append("</h1>\n");
    for (String p : paragraphs) {
      html.append("<p>").append(esc(p)).append("</p>\n");
    }
    html.append("</article><footer><a href=\"").append(esc(canonicalUrl))
        .append("\">View the full site</a></footer></body></html>\n");
    return html.toString();
  }

  private static String esc(String s) {
    return Entities.escape(s);
  }
}
