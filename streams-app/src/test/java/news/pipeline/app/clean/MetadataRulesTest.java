package news.pipeline.app.clean;

import static news.pipeline.app.clean.TestPage.H1;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The metadata rules found by looking at where the cleaner failed on WCXB pages, each on a small
 * page shaped like the real ones (bylines, dates and headlines as sites print them).
 */
class MetadataRulesTest {

  private static final String PUBLISHED_AND_MODIFIED = "{\"@type\":\"NewsArticle\","
      + "\"headline\":\"Council expands the bus network\","
      + "\"datePublished\":\"2024-09-06T13:12:36+00:00\","
      + "\"dateModified\":\"2025-11-14T06:49:57+00:00\"}";

  @Test
  void readsSeveralAuthorsOfOneBylineButNotTheBylinesOfRelatedStories() {
    String byline = H1 + "<div class=\"byline\"><span class=\"author\">Jane Doe</span> and "
        + "<span class=\"author\">John Roe</span></div>";
    String related = "<section class=\"more\"><ul>"
        + "<li><div><div><span class=\"author\">Ann Poe</span></div></div></li>"
        + "<li><div><div><span class=\"author\">Bob Moe</span></div></div></li></ul></section>";
    CleanedPage page = TestPage.article().top(byline).after(related)
        .cleanAt("https://example.com/news/bus");
    assertThat(page.authors()).containsExactly("Jane Doe", "John Roe");
  }

  @Test
  void readsTheAuthorFromLinkPreviewLabels() {
    CleanedPage page = TestPage.article()
        .head("<meta name=\"twitter:label1\" content=\"Written by\">")
        .head("<meta name=\"twitter:data1\" content=\"Nawaz Dhandala\">").cleanAt(null);
    assertThat(page.authors()).containsExactly("Nawaz Dhandala");
  }

  @Test
  void readsANameThatFollowsAWrittenByLabel() {
    String byline = H1 + "<div><p class=\"muted\">Written by</p><p class=\"muted\">Edzel Tabing</p></div>";
    assertThat(TestPage.article().top(byline).cleanAt(null).authors()).containsExactly("Edzel Tabing");
  }

  @Test
  void takesTheNameFromABylineBlockThatCarriesABio() {
    String bio = " Jesse has worked as a sommelier, a bartender and a wine buyer for restaurants in"
        + " three cities, and writes about coffee and tea.";
    String byline = H1 + "<div class=\"byline\">By <a href=\"/about/jesse\">Jesse Porter</a>"
        + "<div class=\"bio\">Jesse Porter" + bio + "</div></div>";
    assertThat(TestPage.article().top(byline).cleanAt(null).authors()).containsExactly("Jesse Porter");
  }

  @Test
  void takesTheNameFromTheElementAfterAByLabel() {
    String linked = H1 + "<p>By <a href=\"/contributor/a_j_neal\">A. J. Neal</a> "
        + "<a class=\"btn\" href=\"/edition\">View In Digital Edition</a></p>";
    assertThat(TestPage.article().top(linked).cleanAt(null).authors()).containsExactly("A. J. Neal");
    String spans = H1 + "<div class=\"x7\"><span class=\"q1\">By</span><span>Daryl Austin</span></div>";
    assertThat(TestPage.article().top(spans).cleanAt(null).authors()).containsExactly("Daryl Austin");
    String label = H1 + "<div><p class=\"label\">Article by:</p><a href=\"#bio\">Cara Dumaplin</a></div>";
    assertThat(TestPage.article().top(label).cleanAt(null).authors()).containsExactly("Cara Dumaplin");
  }

  @Test
  void aOneWordNameCountsWhenTheMarkupOrAnAtEndsIt() {
    String handle = H1 + "<span class=\"story-byline\">Posted by <a href=\"https://example.com/in/beau\">"
        + "BeauHD</a> on Friday December 19, 2025</span>";
    assertThat(TestPage.article().top(handle).cleanAt(null).authors()).containsExactly("BeauHD");
    String at = H1 + "<span class=\"posted\">Posted by David at December 16, 2025 11:15 AM</span>";
    assertThat(TestPage.article().top(at).cleanAt(null).authors()).containsExactly("David");
  }

  @Test
  void aByInsideTextOrAHeadingIsNoByline() {
    String prose = H1 + "<p>The routes use the timetable libraries written over the years by "
        + "<span class=\"note\">Daniel Bunzli</span>, which the council adopted in a vote.</p>";
    assertThat(TestPage.article().top(prose).cleanAt(null).authors()).isEmpty();
    String heading = H1 + "<h2>Explore Routes <span>By Category</span></h2>";
    assertThat(TestPage.article().top(heading).cleanAt(null).authors()).isEmpty();
    String code = H1 + "<pre><code><span>Ax</span> <span>By</span> <span>C-</span></code></pre>";
    assertThat(TestPage.article().top(code).cleanAt(null).authors()).isEmpty();
  }

  @Test
  void aBylineAfterADateInOneElementIsRead() {
    String meta = H1 + "<div class=\"node__meta\"><time datetime=\"2017-03-01T12:00:00Z\">03/01/2017"
        + "</time> by Agatha Caleo, Candidate Representative to the Liaison Committee</div>";
    assertThat(TestPage.article().top(meta).cleanAt(null).authors()).containsExactly("Agatha Caleo");
  }

  @Test
  void aBylineInAnAsideBesideTheTextIsReadWhenThereIsNoOther() {
    String aside = H1 + "<aside class=\"meta\"><address><a rel=\"author\" href=\"/profile/adam-roberts\">"
        + "Adam Roberts</a></address></aside>";
    assertThat(TestPage.article().top(aside).cleanAt(null).authors()).containsExactly("Adam Roberts");
  }

  @Test
  void aWrittenByLineInAnAsideBesideTheTextIsReadWhenThereIsNoOther() {
    String aside = H1 + "<aside class=\"side-col\"><p class=\"date\">May 25, 2023</p>"
        + "<p class=\"Article_author__U98U7\">Written By <span>Angela Holliday-Bell, MD*</span></p></aside>";
    assertThat(TestPage.article().top(aside).cleanAt(null).authors())
        .containsExactly("Angela Holliday-Bell");
  }

  @Test
  void anAuthorTagWithNoPersonsNameIsKeptAsWrittenWhenNothingElseIs() {
    CleanedPage staff = TestPage.article()
        .head("<meta name=\"author\" content=\"Staff Clinician\">").cleanAt(null);
    assertThat(staff.authors()).containsExactly("Staff Clinician");
    CleanedPage template = TestPage.article()
        .head("<meta name=\"author\" content=\"page.head.extra.author\">").cleanAt(null);
    assertThat(template.authors()).as("a template's unfilled field").isEmpty();
    CleanedPage user = TestPage.article()
        .head("<meta name=\"author\" content=\"b.scherer\">").cleanAt(null);
    assertThat(user.authors()).as("a user name with an initial and a dot is still read").containsExactly("B.scherer");
    CleanedPage admin = TestPage.article().head("<meta name=\"author\" content=\"admin\">").cleanAt(null);
    assertThat(admin.authors()).isEmpty();
  }

  @Test
  void readsEveryCitationAuthorFirstNameFirst() {
    CleanedPage page = TestPage.article()
        .head("<meta name=\"citation_author\" content=\"Roy, Aniruddha\">")
        .head("<meta name=\"citation_author\" content=\"Patel, Jyoti\">").cleanAt(null);
    assertThat(page.authors()).containsExactly("Aniruddha Roy", "Jyoti Patel");
  }

  @Test
  void aTwitterHandleIsNoNameButAnotherAuthorTagIs() {
    CleanedPage page = TestPage.article()
        .head("<meta name=\"twitter:creator\" content=\"shopwithselect\">")
        .head("<meta property=\"cXenseParse:author\" content=\"Harry Rabinowitz\">").cleanAt(null);
    assertThat(page.authors()).containsExactly("Harry Rabinowitz");
  }

  @Test
  void keepsPublishedApartFromModified() {
    String shown = H1 + "<p class=\"updated\">Updated November 14, 2025</p>";
    CleanedPage page = TestPage.article().jsonLd(PUBLISHED_AND_MODIFIED).top(shown).cleanAt(null);
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-09-06T13:12:36Z"));
    assertThat(page.modifiedAt()).isEqualTo(Instant.parse("2025-11-14T06:49:57Z"));
  }

  @Test
  void takesTheDateShownUnderTheHeadlineWhenThePageHasNoOther() {
    String shown = H1 + "<div class=\"meta\"><span class=\"x1\">Dec 10, 2025</span></div>";
    CleanedPage page = TestPage.article().top(shown).after("<aside><p>Nov 2, 2024</p></aside>")
        .cleanAt("https://example.com/b/bus");
    assertThat(page.publishedDate()).isEqualTo(LocalDate.of(2025, 12, 10));
  }

  @Test
  void theDateShownUnderTheHeadlineBeatsMachineDatesItIsNoneOf() {
    // a CMS migration stamped every page with the day of the import
    String json = "{\"@type\":\"Article\",\"datePublished\":\"2025-11-05T10:00:00Z\","
        + "\"dateModified\":\"2025-11-05T10:00:00Z\"}";
    String shown = H1 + "<div class=\"byline\"><span>Jane Doe</span><span>January 31, 2024</span></div>";
    CleanedPage page = TestPage.article().jsonLd(json).top(shown).cleanAt(null);
    assertThat(page.publishedDate()).isEqualTo(LocalDate.of(2024, 1, 31));
  }

  @Test
  void aShownDateThatIsAMachineDateKeepsThePublishedOne() {
    // the page shows its modified date unlabelled; which one a reader takes is a coin toss on
    // WCXB, so the published date stays
    String shown = H1 + "<div class=\"byline\">Jane Doe · November 14, 2025</div>";
    CleanedPage page = TestPage.article().jsonLd(PUBLISHED_AND_MODIFIED).top(shown).cleanAt(null);
    assertThat(page.publishedDate()).isEqualTo(LocalDate.of(2024, 9, 6));
  }

  @Test
  void aShownDateLabelledAsAnUpdateOrInTheTextIsNotThePagesDate() {
    String updated = H1 + "<div class=\"meta\"><span>Last updated:</span> <span>Jan 2, 2025</span>"
        + "</div><p>On <b>March 3, 2023</b> the council first discussed a night service for the city,"
        + " after residents had asked for one in a petition signed by thousands.</p>";
    CleanedPage page = TestPage.article().jsonLd(PUBLISHED_AND_MODIFIED).top(updated).cleanAt(null);
    assertThat(page.publishedDate()).isEqualTo(LocalDate.of(2024, 9, 6));
  }

  @Test
  void aDateInTheFetchUrlCountsWhenTheCanonicalUrlHasNone() {
    CleanedPage page = TestPage.article()
        .head("<link rel=\"canonical\" href=\"https://blog.example.org%2Farticles%2Fbus\">")
        .cleanAt("https://blog.example.org/articles/2025-12-15+Council+expands+the+bus+network");
    assertThat(page.publishedDate()).isEqualTo(LocalDate.of(2025, 12, 15));
  }

  @Test
  void theDateUnderTheHeadlineComesBeforeTimesOfOtherStoriesEarlierInTheMarkup() {
    String related = "<div class=\"views\"><a href=\"/n/1\">Insurance careers month</a>"
        + " <time datetime=\"2025-01-31T12:00:00Z\">01/31/2025</time></div>";
    String shown = H1 + "<div class=\"node__meta\"><time datetime=\"2017-03-01T12:00:00Z\">"
        + "03/01/2017</time> by Jane Doe</div>";
    CleanedPage page = TestPage.article().before(related).top(shown).cleanAt(null);
    assertThat(page.publishedDate()).isEqualTo(LocalDate.of(2017, 3, 1));
  }

  @Test
  void aNumericShownDateThatReadsBothWaysDoesNotOverruleTheMachineDate() {
    // "09.10.2024" is 9 October or September 10; the page's JSON-LD says September 10
    String json = "{\"@type\":\"Article\",\"datePublished\":\"2024-09-10T16:07:00Z\"}";
    String shown = H1 + "<p class=\"post-date\">09.10.2024</p>";
    CleanedPage page = TestPage.article().jsonLd(json).top(shown).cleanAt(null);
    assertThat(page.publishedDate()).isEqualTo(LocalDate.of(2024, 9, 10));
  }

  @Test
  void aPublishedDateShownInAnotherTimeZoneKeepsTheMachineTime() {
    String json = "{\"@type\":\"Article\",\"datePublished\":\"2025-12-02T23:00:55+00:00\"}";
    String shown = H1 + "<p class=\"meta\">Category: Top Picks Published: 03 Dec 2025</p>";
    CleanedPage page = TestPage.article().jsonLd(json).top(shown).cleanAt(null);
    assertThat(page.publishedAt()).isEqualTo(Instant.parse("2025-12-02T23:00:55Z"));
  }

  @Test
  void aForumThreadIsNotAnArticleEvenWhenItSaysSo() {
    TestPage thread = TestPage.article().meta("og:type", "article")
        .top(H1 + "<p class=\"by\">By Jane Doe, Mar 3, 2024</p>");
    assertThat(thread.cleanAt("https://forums.example.org/threads/buses-at-night.1234/").isArticle())
        .isFalse();
    assertThat(thread.cleanAt("https://www.example.org/viewtopic.php?t=425337").isArticle()).isFalse();
  }

  @Test
  void aDocumentationPageIsNotAnArticleButABlogPostInALearnSectionIs() {
    TestPage page = TestPage.article().meta("og:type", "article")
        .top(H1 + "<p class=\"by\">By Jane Doe, Mar 3, 2024</p>");
    assertThat(page.cleanAt("https://www.example.org/docs/18/sql-select.html").isArticle()).isFalse();
    assertThat(page.cleanAt("https://www.example.com/learn/blog/buses-at-night/").isArticle()).isTrue();
  }

  @Test
  void shopServiceAndIndexPagesAreNotArticlesEvenWhenTheySaySo() {
    // SEO plugins declare og:type article on every page of a site
    TestPage page = TestPage.article().meta("og:type", "article")
        .top(H1 + "<p class=\"by\">By Jane Doe, Mar 3, 2024</p>");
    assertThat(page.cleanAt("https://www.example.com/services/transit-consulting/").isArticle())
        .isFalse();
    assertThat(page.cleanAt("https://shop.example.com/product/night-bus-pass/").isArticle()).isFalse();
    assertThat(page.cleanAt("https://www.example.com/category/transport/").isArticle()).isFalse();
    assertThat(page.cleanAt("https://www.example.com/blog/best-transit-services/").isArticle())
        .isTrue();
    assertThat(page.cleanAt("https://www.example.com/news/bus-network").isArticle()).isTrue();
  }

  @Test
  void aHomePageIsNotAnArticle() {
    TestPage page = TestPage.article().meta("og:type", "article")
        .top(H1 + "<p class=\"by\">By Jane Doe, Mar 3, 2024</p>");
    assertThat(page.cleanAt("https://www.example.com/").isArticle()).isFalse();
    assertThat(page.cleanAt("https://blog.example.com").isArticle()).isFalse();
    assertThat(page.cleanAt("https://www.example.com/?ref=nav").isArticle()).isFalse();
    assertThat(page.cleanAt("https://www.example.com/bus-network").isArticle()).isTrue();
  }

  @Test
  void theHeadlineIsTheHeadingThatIsPartOfTheHeadTitle() {
    CleanedPage page = TestPage.article()
        .head("<title>Defer, Panic, and Recover - The Go Programming Language</title>")
        .top("<h1>The Go Blog</h1><h1>Defer, Panic, and Recover</h1>").cleanAt(null);
    assertThat(page.title()).isEqualTo("Defer, Panic, and Recover");
  }

  @Test
  void aTitleStoredAsUtf8ReadAsLatin1IsRepaired() {
    CleanedPage page = TestPage.article()
        .meta("og:title", "A DIY Investor\u00e2\u0080\u0099s Guide to Bus Passes")
        .top("<h2>Other</h2>").cleanAt(null);
    assertThat(page.title()).isEqualTo("A DIY Investor’s Guide to Bus Passes");
  }

  @Test
  void aCommentsHeadingQuotingTheTitleIsNotTheHeadline() {
    CleanedPage page = TestPage.article().meta("og:title", "Open-sourcing the CAD files - Prusa Blog")
        .meta("og:site_name", "Prusa Blog").top("<p>No headline here</p>")
        .after("<section id=\"replies\"><h2>15 Replies to “Open-sourcing the CAD files”</h2></section>")
        .cleanAt(null);
    assertThat(page.title()).isEqualTo("Open-sourcing the CAD files");
  }

  @Test
  void theTitleHasPlainSpaces() {
    CleanedPage page = TestPage.article()
        .head("<title>Council expands the bus network | Example</title>")
        .top("<h1>Council expands the bus&nbsp;network</h1>").cleanAt(null);
    assertThat(page.title()).isEqualTo("Council expands the bus network");
  }

  @Test
  void aBlogsNameBeforeTheColonOfTheHeadTitleIsNotTheHeadline() {
    CleanedPage page = TestPage.article()
        .head("<title>Lessons Learned: The lean startup</title>")
        .meta("og:title", "The lean startup")
        .top("<h1>Lessons Learned</h1>").cleanAt(null);
    assertThat(page.title()).isEqualTo("The lean startup");
  }

  @Test
  void aSingleHeadingBeforeAColonIsStillTheHeadlineWhenTheHeadSaysNothingElse() {
    CleanedPage page = TestPage.article()
        .head("<title>Lessons Learned: The lean startup</title>")
        .top("<h1>Lessons Learned</h1>").cleanAt(null);
    assertThat(page.title()).isEqualTo("Lessons Learned");
  }

  @Test
  void aShortLoneHeadingThatSharesNoWordWithTheHeadsTitlesIsASectionsLabelNotTheHeadline() {
    CleanedPage page = TestPage.article()
        .head("<title>Consulting or insurance: an actuary's choice | Example</title>")
        .meta("og:title", "Consulting or insurance: an actuary's choice")
        .top("<h1>Our Blog</h1>").cleanAt(null);
    assertThat(page.title()).isEqualTo("Consulting or insurance: an actuary's choice");
  }

  @Test
  void aShortLoneHeadingIsTheHeadlineWhenTheHeadHasNoTitleButTheSitesName() {
    CleanedPage page = TestPage.article().head("<title>Example Transit</title>").meta("og:site_name", "Example Transit")
        .top("<h1>Night buses</h1>").cleanAt(null);
    assertThat(page.title()).isEqualTo("Night buses");
  }

  @Test
  void theSiteNamePrintedAsAHeadingIsNotTheHeadline() {
    CleanedPage page = TestPage.article()
        .head("<title>Where to bike in town | Example Magazine</title>")
        .meta("og:site_name", "Example Magazine")
        .meta("og:title", "Our favourite biking spots in town")
        .top("<h1>Example Magazine</h1><h1>Trails for biking</h1><h1>Next in your guide</h1>")
        .cleanAt(null);
    assertThat(page.title()).isEqualTo("Our favourite biking spots in town");
  }

  @Test
  void aHeadlineWithADoubleEscapedEntityMatchesTheHeadTitle() {
    CleanedPage page = TestPage.article()
        .head("<title>Data tools for 2026: Python, SQL &amp; AI | Example</title>")
        .meta("og:site_name", "Example")
        .top("<h1>Data tools for 2026: Python, SQL &amp;#x26; AI</h1>").cleanAt(null);
    assertThat(page.title()).isEqualTo("Data tools for 2026: Python, SQL & AI");
  }

  @Test
  void theSourceAnAggregatorNamesAfterTheHeadlineIsNotPartOfIt() {
    CleanedPage page = TestPage.article()
        .head("<title>Council expands the bus network - Example</title>")
        .meta("og:site_name", "Example")
        .top("<h1>Council expands the bus network <span>(latimes.com)</span> 87</h1>")
        .cleanAt(null);
    assertThat(page.title()).isEqualTo("Council expands the bus network");
  }

  @Test
  void anH2EchoingTheHeadTitleInOtherWordsIsASectionHeadingNotTheHeadline() {
    CleanedPage page = TestPage.article()
        .head("<title>7 bus routes for 2026-2030 | Example</title>")
        .meta("og:site_name", "Example")
        .before("<h2>7 bus routes for 2026</h2>")
        .top("<h1>Seven new bus routes to watch in 2026-2030</h1>").cleanAt(null);
    assertThat(page.title()).isEqualTo("Seven new bus routes to watch in 2026-2030");
  }

  @Test
  void anH2SayingTheHeadTitleIsStillTheHeadline() {
    CleanedPage page = TestPage.article()
        .head("<title>Council expands the bus network | Example</title>")
        .meta("og:site_name", "Example")
        .top("<h2>Council expands the bus network</h2>").cleanAt(null);
    assertThat(page.title()).isEqualTo("Council expands the bus network");
  }

  @Test
  void aHeadTitleThatAddsOnlyACountToTheHeadlineIsTheTitle() {
    CleanedPage page = TestPage.article()
        .head("<title>8 Bus Routes Worth Taking - Example</title>")
        .meta("og:site_name", "Example")
        .top("<h1>Bus Routes Worth Taking</h1>").cleanAt(null);
    assertThat(page.title()).isEqualTo("8 Bus Routes Worth Taking");
  }

  @Test
  void aHeadlineWithCharactersLostToQuestionMarksGivesWayToTheHeadTitle() {
    CleanedPage page = TestPage.article()
        .head("<title>Bus Network Basics: Beginner’s Guide</title>")
        .top("<h1>Bus Network Basics? Beginner? Guide</h1>").cleanAt(null);
    assertThat(page.title()).isEqualTo("Bus Network Basics: Beginner’s Guide");
  }

  @Test
  void aBylineInTheArticlesOwnFooterIsReadButNotOneInThePagesFooter() {
    String footer = "<footer class=\"meta\"><div class=\"author\"><p class=\"name\">"
        + "<a rel=\"author\" href=\"/author/jd/\" title=\"Posts by Jane Doe\">Jane Doe</a></p></div></footer>";
    assertThat(TestPage.article().end(footer).cleanAt(null).authors()).containsExactly("Jane Doe");
    assertThat(TestPage.article().after(footer).cleanAt(null).authors()).isEmpty();
  }

  @Test
  void theBylineMayBeAnyOfTheLinkPreviewLabels() {
    CleanedPage page = TestPage.article().head(
        "<meta name=\"twitter:label1\" content=\"Est. reading time\"><meta name=\"twitter:data1\" content=\"7 minutes\">"
            + "<meta name=\"twitter:label2\" content=\"Written by\"><meta name=\"twitter:data2\" content=\"Jane Doe\">")
        .cleanAt(null);
    assertThat(page.authors()).containsExactly("Jane Doe");
  }

  @Test
  void theNameInAnAuthorBoxIsRead() {
    String box = "<div class=\"elementor-author-box\"><div class=\"elementor-author-box__text\">"
        + "<h4 class=\"elementor-author-box__name\"> Jane Doe </h4>"
        + "<div class=\"elementor-author-box__bio\">Jane covers transport and city hall.</div></div></div>";
    assertThat(TestPage.article().end(box).cleanAt(null).authors()).containsExactly("Jane Doe");
  }

  @Test
  void theNameAfterAnAuthorFieldLabelIsRead() {
    String fields = "<div class=\"content-item\"><h3>Published</h3><p>August 30, 2024</p></div>"
        + "<div class=\"content-item\"><h3>Author</h3><p> Jane Doe</p></div>";
    assertThat(TestPage.article().end(fields).cleanAt(null).authors()).containsExactly("Jane Doe");
    String searchHelp = "<dl><dt>author:<i>username</i></dt><dd>find submissions by \"username\"</dd></dl>";
    assertThat(TestPage.article().end(searchHelp).cleanAt(null).authors()).isEmpty();
    String menu = "<p><a href=\"/authors.html\">Authors</a> | <a href=\"/titles.html\">Titles</a></p>";
    assertThat(TestPage.article().end(menu).cleanAt(null).authors()).isEmpty();
  }
}
