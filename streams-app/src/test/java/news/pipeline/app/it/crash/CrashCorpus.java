package news.pipeline.app.it.crash;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.document.RawDocuments;
import news.pipeline.schemas.EventSerdes;

/**
 * A reproducible stream of raw documents full of duplicates, for the crash and broker-restart
 * tests: stories published by an outlet, then fetched again under tracking parameters, AMP and
 * AMP-cache URLs, http and {@code www} variants, syndicated by other outlets under near-identical
 * headlines, re-crawled byte for byte, sent as JSON envelopes or text dumps; plus a few broken
 * records that must land in the rejected topic.
 */
final class CrashCorpus {

  /** One raw topic record: key, value, timestamp, and the document id when it is a document. */
  record Input(String key, byte[] value, long timestamp, String documentId) {}

  private static final String[] OUTLETS = {
    "dailyherald.example", "metrotimes.example", "coastpost.example", "valleynews.example", "capitalwire.example",
    "northstar.example", "harborgazette.example", "plainsledger.example", "summitjournal.example", "rivercourier.example"
  };
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "re", "tu", "sa", "ne", "vo", "di", "pa", "ri", "go", "be", "lu", "ma", "te", "no", "si", "fa", "do"
  };
  private static final Instant START = Instant.parse("2024-05-01T06:00:00Z");

  private final Random random;
  private final List<String> vocabulary = new ArrayList<>();
  private final List<Story> stories = new ArrayList<>();
  private final List<Input> sent = new ArrayList<>();

  private record Story(int n, String title, String body, String outlet, String path) {}

  private CrashCorpus(long seed) {
    this.random = new Random(seed);
    while (vocabulary.size() < 3000) {
      StringBuilder w = new StringBuilder();
      int parts = 2 + random.nextInt(3);
      for (int i = 0; i < parts; i++) {
        w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      if (!vocabulary.contains(w.toString())) {
        vocabulary.add(w.toString());
      }
    }
  }

  /** {@code count} records; about one story per five records. */
  static List<Input> generate(int count, long seed) {
    CrashCorpus corpus = new CrashCorpus(seed);
    for (int i = 0; i < count; i++) {
      corpus.sent.add(corpus.next(i, count));
    }
    return corpus.sent;
  }

  private Input next(int i, int count) {
    Instant fetched = START.plusSeconds(i * 4L + random.nextInt(4));
    int roll = random.nextInt(100);
    if (stories.isEmpty() || roll < 22 || stories.size() < count / 20 && roll < 40) {
      Story story = newStory();
      return html(story, "https://www." + story.outlet() + story.path(), story.title(), story.outlet(), fetched, true);
    }
    // recent stories are copied more often than old ones
    Story story = stories.get(Math.max(0, stories.size() - 1 - (int) Math.abs(random.nextGaussian() * 25)));
    String canonical = "https://www." + story.outlet() + story.path();
    if (roll < 35) {
      return html(story, canonical + "?utm_source=twitter&utm_medium=social&fbclid=x" + i, story.title(), story.outlet(), fetched, random.nextBoolean());
    } else if (roll < 45) {
      return html(story, "https://www." + story.outlet() + "/amp" + story.path(), story.title(), story.outlet(), fetched, false);
    } else if (roll < 52) {
      String cache = "https://www-" + story.outlet().replace('.', '-') + ".cdn.ampproject.org/c/s/www." + story.outlet() + story.path();
      return html(story, cache, story.title(), story.outlet(), fetched, false);
    } else if (roll < 58) {
      return envelope(story, "http://" + story.outlet() + story.path() + "/", fetched);
    } else if (roll < 72) {
      String other = OUTLETS[random.nextInt(OUTLETS.length)];
      String headline = random.nextBoolean() ? story.title() + " | " + capitalize(other.split("\\.")[0]) : oneWordChanged(story.title());
      return html(story, "https://www." + other + "/wire" + story.path(), headline, other, fetched, true);
    } else if (roll < 80) {
      return textDump(story, "https://www." + story.outlet() + story.path() + "?print=1", fetched);
    } else if (roll < 96 && !sent.isEmpty()) {
      Input earlier = sent.get(Math.max(0, sent.size() - 1 - random.nextInt(200)));
      return new Input(earlier.key(), earlier.value(), fetched.toEpochMilli(), earlier.documentId());
    }
    return broken(i, fetched);
  }

  private Story newStory() {
    int n = stories.size();
    StringBuilder title = new StringBuilder();
    for (int w = 0; w < 7 + random.nextInt(4); w++) {
      title.append(w == 0 ? "" : " ").append(word());
    }
    StringBuilder body = new StringBuilder();
    for (int p = 0; p < 3; p++) {
      body.append("<p>");
      for (int w = 0; w < 50 + random.nextInt(40); w++) {
        body.append(w == 0 ? "" : " ").append(word());
      }
      body.append(".</p>\n");
    }
    String outlet = OUTLETS[random.nextInt(OUTLETS.length)];
    String slug = String.join("-", title.toString().split(" ")).toLowerCase(Locale.ROOT);
    Story story = new Story(n, capitalize(title.toString()), body.toString(), outlet, "/2024/05/" + (n % 28 + 1) + "/" + slug + "-" + n);
    stories.add(story);
    return story;
  }

  private Input html(Story story, String url, String headline, String outlet, Instant fetched, boolean withCanonical) {
    String canonicalLink =
        withCanonical ? "<link rel=\"canonical\" href=\"" + url.replaceAll("\\?.*$", "") + "\">" : "";
    String html =
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + headline + "</title>" + canonicalLink
            + "<meta property=\"og:site_name\" content=\"" + outlet + "\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
            + "<article><h1>" + headline + "</h1>" + story.body() + "</article><footer>Copyright " + outlet + "</footer></body></html>";
    RawDocument doc = RawDocuments.create("crash-corpus", url, ContentType.HTML, html.getBytes(UTF_8), fetched, null, Map.of(), Map.of());
    return new Input(url, EventSerdes.rawDocument().encode(doc), fetched.toEpochMilli(), doc.getId());
  }

  private Input envelope(Story story, String url, Instant fetched) {
    String html = "<html><head><title>" + story.title() + "</title></head><body><article><h1>" + story.title() + "</h1>" + story.body() + "</article></body></html>";
    String json =
        "{\"url\":\"" + url + "\",\"contentType\":\"HTML\",\"fetchedAt\":\"" + fetched + "\",\"source\":\"shell-crawler\",\"body\":\""
            + html.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}";
    RawDocument doc = RawDocuments.create("shell-crawler", url, ContentType.HTML, html.getBytes(UTF_8), fetched, null, Map.of(), Map.of());
    return new Input(url, json.getBytes(UTF_8), fetched.toEpochMilli(), doc.getId());
  }

  private Input textDump(Story story, String url, Instant fetched) {
    String text =
        "Home | News | Sport | Weather\n\n" + story.title() + "\n\n"
            + story.body().replace("<p>", "").replace("</p>", "\n") + "\nShare this article\nCopyright 2024 " + story.outlet() + "\n";
    RawDocument doc = RawDocuments.create("crash-corpus", url, ContentType.TEXT, text.getBytes(UTF_8), fetched, null, Map.of(), Map.of());
    return new Input(url, EventSerdes.rawDocument().encode(doc), fetched.toEpochMilli(), doc.getId());
  }

  private Input broken(int i, Instant fetched) {
    return switch (random.nextInt(3)) {
      case 0 -> {
        byte[] garbage = new byte[64 + random.nextInt(512)];
        random.nextBytes(garbage);
        garbage[0] = 0x00;
        yield new Input("broken-" + i, garbage, fetched.toEpochMilli(), null);
      }
      case 1 -> new Input("broken-" + i, ("{\"url\":\"https://broken.example/" + i + "\"}").getBytes(UTF_8), fetched.toEpochMilli(), null);
      default -> {
        RawDocument doc =
            RawDocuments.create("crash-corpus", "https://broken.example/s" + i, ContentType.HTML,
                ("<html><head><script>var n = " + i + ";</script></head><body><script>go()</script></body></html>").getBytes(UTF_8),
                fetched, null, Map.of(), Map.of());
        yield new Input("broken-" + i, EventSerdes.rawDocument().encode(doc), fetched.toEpochMilli(), null);
      }
    };
  }

  private String word() {
    return vocabulary.get(random.nextInt(vocabulary.size()));
  }

  private String oneWordChanged(String title) {
    String[] words = title.split(" ");
    words[words.length - 1] = word();
    return String.join(" ", words);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
