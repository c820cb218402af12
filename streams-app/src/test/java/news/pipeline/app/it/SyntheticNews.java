package news.pipeline.app.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.document.RawDocuments;

/**
 * A deterministic stream of news documents with many copies, for tests that compare runs: each
 * story appears as its page, an AMP or tracking-parameter variant of its URL, a syndicated copy on
 * another site with a suffixed headline and other boilerplate, and a metadata-only record.
 */
final class SyntheticNews {

  private static final String[] WORDS = (
      "council budget river bridge school police court election mayor senate vote storm flood fire "
          + "hospital doctors nurses union strike wages prices market shares bank rates inflation energy "
          + "solar wind coal mine workers farmers harvest drought rain trade tariff export factory jobs "
          + "museum festival concert theater film award team coach season league final record stadium "
          + "airport rail transit bus housing rent tenants landlord zoning park library water plant")
      .split(" ");

  private SyntheticNews() {}

  /** About {@code stories * 4} documents, shuffled, with event times spread over two days. */
  static List<RawDocument> generate(int stories, long seed) {
    Random random = new Random(seed);
    Instant start = Instant.parse("2024-03-01T00:00:00Z");
    List<RawDocument> docs = new ArrayList<>();
    for (int s = 0; s < stories; s++) {
      String title = sentence(random, 8 + random.nextInt(5));
      String body = paragraphs(random, 4 + random.nextInt(4));
      String site = "site" + random.nextInt(40) + ".example";
      String url = "https://www." + site + "/2024/03/" + slug(title) + "-" + s;
      Instant time = start.plusSeconds(random.nextInt(48 * 3600));
      docs.add(html("crawler-a", url, title + " | " + site, body, "nav one two", time));
      String variant = random.nextBoolean() ? url + "/amp" : url + "?utm_source=feed&utm_medium=rss";
      docs.add(html("crawler-b", variant, title, body, "menu three four", time.plusSeconds(60 + random.nextInt(3600))));
      String other = "https://news" + random.nextInt(40) + ".example/wire/" + s;
      String edited = random.nextBoolean() ? title : title.replaceFirst(" \\S+$", " " + WORDS[random.nextInt(WORDS.length)]);
      docs.add(html("crawler-c", other, edited + " - Wire", body, "other chrome entirely here", time.plusSeconds(random.nextInt(7200))));
      docs.add(metadata(url, title, time.minusSeconds(random.nextInt(600))));
    }
    java.util.Collections.shuffle(docs, random);
    return docs;
  }

  private static RawDocument html(String source, String url, String title, String body, String chrome, Instant time) {
    StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>")
        .append(title).append("</title></head><body><nav><a href=\"/\">").append(chrome)
        .append("</a></nav><article><h1>").append(title).append("</h1>");
    for (String p : body.split("\n\n")) {
      html.append("<p>").append(p).append("</p>");
    }
    html.append("</article><footer>Copyright ").append(chrome).append("</footer></body></html>");
    return RawDocuments.create(source, url, html.toString().getBytes(StandardCharsets.UTF_8), time, "utf-8", Map.of(), Map.of());
  }

  private static RawDocument metadata(String url, String title, Instant time) {
    String json = "{\"title\":\"" + title + "\",\"url\":\"" + url + "\",\"excerpt\":\"A record of the story.\"}";
    return RawDocuments.create("feed", url, json.getBytes(StandardCharsets.UTF_8), time, null, Map.of(), Map.of());
  }

  private static String paragraphs(Random random, int count) {
    List<String> ps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder p = new StringBuilder();
      for (int j = 0; j < 3; j++) {
        p.append(sentence(random, 10 + random.nextInt(10))).append(". ");
      }
      ps.add(p.toString().strip());
    }
    return String.join("\n\n", ps);
  }

  private static String sentence(Random random, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = WORDS[random.nextInt(WORDS.length)];
      s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(i + 1 < words ? " " : "");
    }
    return s.toString();
  }

  private static String slug(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
  }
}
