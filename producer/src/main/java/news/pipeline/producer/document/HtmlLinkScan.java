package news.pipeline.producer.document;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cheap byte-level stand-in for parsing an HTML head with jsoup to find the canonical link (or
 * else the {@code og:url}) that {@link UrlExtractor} reports. It walks the tags of the first
 * {@link #FAST_SCAN_BYTES} bytes as the HTML tokenizer would (comments, doctype, quoted attribute
 * values, script and style contents, title and textarea) and answers only when it is sure the
 * answer is the one jsoup would give; otherwise it <em>gives up</em> ({@link #INCONCLUSIVE}) so
 * the caller parses with jsoup.
 *
 * <p>It gives up at once on a byte order mark, a NUL or ESC byte, a charset declaration
 * (parameter, meta, XML declaration) that is not a superset of ASCII, and on a link or meta tag
 * whose {@code rel}, {@code href}, {@code property} or {@code content} is repeated,
 * entity-encoded or not ASCII.
 *
 * <p>It stops walking where it cannot follow the tokenizer or the tree builder any further:
 * elements that change where a link ends up or whether it is kept (table, select, frameset),
 * elements whose contents jsoup tokenizes otherwise (template, svg, math, plaintext, the raw-text
 * elements other than script, style, title and textarea), inside a noscript any tag but link, meta
 * and style, a script whose end may be text (a {@code <!--} and then {@code <script} in it), a
 * {@code <} inside a tag, a broken comment ending ({@code --!>}). The answer found up to there
 * still stands when the rest of jsoup's window cannot hold a later candidate: no {@code <link}
 * followed by the word {@code canonical} or a numeric character reference (which could spell it),
 * no {@code <frameset}, and, when no og:url was found yet, no {@code <meta} followed by {@code
 * og:url}, {@code &colon} or a numeric reference. When the walk reaches the end of the first
 * {@link #FAST_SCAN_BYTES} and the rest could hold a candidate, it walks on to the end of jsoup's
 * window.
 */
final class HtmlLinkScan {

  /** How far the tags are walked. */
  static final int FAST_SCAN_BYTES = 64 * 1024;

  /** The scan could not decide; parse with jsoup. */
  static final String INCONCLUSIVE = new String("inconclusive");

  private static final Map<String, Boolean> ASCII_COMPATIBLE = new ConcurrentHashMap<>();
  private static final String ASCII_PROBE;

  static {
    StringBuilder probe = new StringBuilder("\t\n\f\r");
    for (char c = 0x20; c < 0x7F; c++) {
      probe.append(c);
    }
    ASCII_PROBE = probe.toString();
  }

  private final byte[] b;
  /** Where the walk ends: the fast-scan bytes, then jsoup's whole window if need be. */
  private int end;

  private HtmlLinkScan(byte[] body, int end) {
    this.b = body;
    this.end = end;
  }

  /**
   * The raw canonical href (else og:url content) jsoup would find in {@code body[0, window)}, null
   * when it would find neither, or {@link #INCONCLUSIVE}.
   */
  static String find(byte[] body, int window, String charset) {
    window = Math.min(window, body.length);
    if (window <= 0) {
      return null;
    }
    int b0 = body[0] & 0xFF;
    if (b0 == 0xEF || b0 == 0xFE || b0 == 0xFF || b0 == 0x00) {
      return INCONCLUSIVE; // a byte order mark (or UTF-32): jsoup decodes by it
    }
    if (charset != null && !asciiCompatible(charset)) {
      return INCONCLUSIVE;
    }
    int fastEnd = Math.min(window, FAST_SCAN_BYTES);
    if (AsciiSearch.containsEither(body, 0, fastEnd, (byte) 0, (byte) 0x1B)
        || !declaredCharsetsAsciiCompatible(body, fastEnd)) {
      return INCONCLUSIVE;
    }
    return new HtmlLinkScan(body, fastEnd).scan(window);
  }

  /** Outcome of the walk short of a canonical link. */
  private boolean ogKnown = true;
  private String og;
  /** The canonical href, once a link tag gave it ({@link #INCONCLUSIVE} when it cannot be read). */
  private String canonical;
  /** Inside a noscript, where the walk follows only what jsoup reads alike in a head and a body. */
  private boolean inNoscript;

  /** {@link #step}: what follows is not modelled; stop walking here. */
  private static final int STOP = -2;

  private String scan(int window) {
    int i = 0;
    while (true) {
      int lt = i < end ? indexOf(b, i, end, (byte) '<') : -1;
      int next = lt < 0 || lt + 1 >= end ? -1 : step(lt);
      if (canonical != null) {
        return canonical;
      }
      if (next == STOP) {
        return rest(lt, window);
      }
      if (next >= 0) {
        i = next;
        continue;
      }
      // the walked bytes end at i (what runs past jsoup's window, jsoup drops too)
      if (!ogKnown) {
        return INCONCLUSIVE;
      }
      if (end == window) {
        return og;
      }
      String answer = rest(i, window);
      if (answer != INCONCLUSIVE || AsciiSearch.containsEither(b, end, window, (byte) 0, (byte) 0x1B)
          || !declaredCharsetsAsciiCompatible(b, Math.max(0, end - 16), window)) {
        return answer;
      }
      end = window; // a candidate may follow: walk on to the end of jsoup's window
    }
  }

  /**
   * Walks the markup that starts with the {@code <} at {@code lt}: the index after it (after the
   * contents of a raw-text element), -1 when it runs past the walked bytes, or {@link #STOP}.
   */
  private int step(int lt) {
    byte c = b[lt + 1];
    if (c == '!') {
      return markup(lt);
    }
    if (c == '?') {
      return afterGt(lt + 2);
    }
    if (c == '/') {
      return endTag(lt);
    }
    if (!isLetter(c)) {
      return lt + 1; // a '<' that starts no tag is text
    }
    Tag tag = tag(lt + 1, true);
    if (tag == null) {
      return STOP;
    }
    if (tag.next < 0) {
      return -1;
    }
    if (!modelled(tag.name)) {
      return STOP;
    }
    canonical = element(tag);
    if (tag.name.equals("noscript")) {
      inNoscript = true;
    }
    return tag.rawText ? endOfRawText(tag.name, tag.next) : tag.next;
  }

  private int endTag(int lt) {
    if (lt + 2 >= end) {
      return -1;
    }
    if (!isLetter(b[lt + 2])) {
      return b[lt + 2] == '>' ? lt + 3 : afterGt(lt + 2);
    }
    Tag tag = tag(lt + 2, false);
    if (tag == null) {
      return STOP;
    }
    if (inNoscript && tag.next >= 0) {
      if (tag.name.equals("noscript")) {
        inNoscript = false;
      } else if (!tag.name.equals("style")) {
        return STOP;
      }
    }
    return tag.next;
  }

  /**
   * The answer when the bytes before {@code from} were walked without finding a canonical link
   * and the walk goes no further: the og:url found so far (or none), provided that what jsoup
   * reads from {@code from} to the end of its window cannot hold a later candidate, whatever the
   * tokenizer and tree builder make of it. A link element needs the bytes {@code <link} (no
   * character reference makes a tag name), and its {@code rel} needs the word {@code canonical}
   * or a numeric character reference that spells it; likewise {@code <meta} and {@code og:url}
   * (or {@code &colon;}). A frameset there could remove the body, and an og:url in it, so it
   * also makes the scan give up.
   */
  private String rest(int from, int window) {
    if (!ogKnown
        || mayHold(from, window, "<link", "canonical")
        || indexOfIgnoreCase(b, from, window, "<frameset") >= 0) {
      return INCONCLUSIVE;
    }
    if (og != null) {
      return og;
    }
    return mayHold(from, window, "<meta", "og:url", "&colon") ? INCONCLUSIVE : null;
  }

  /**
   * Whether {@code b[from, to)} has the tag opening (any case) and, after it, one of the words
   * (any case) or a numeric character reference.
   */
  private boolean mayHold(int from, int to, String tagOpening, String... words) {
    int tag = indexOfIgnoreCase(b, from, to, tagOpening);
    if (tag < 0) {
      return false;
    }
    if (indexOf(b, tag, to, "&#") >= 0) {
      return true;
    }
    for (String word : words) {
      if (indexOfIgnoreCase(b, tag, to, word) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the walk can go on past this start tag: not past the elements that change where a
   * later link ends up or whether it is kept (foster parenting in tables, dropped tags in select,
   * frameset), nor past those whose contents jsoup tokenizes otherwise than the walk (svg and
   * math, raw text other than script and style, plaintext, template). Inside a noscript only link,
   * meta, style and img are followed: jsoup keeps any other tag there as text in a head (with a
   * script, title or textarea not raw text) and as an element in a body; an img is text or a void
   * element, and the tokenizer goes on alike.
   */
  private boolean modelled(String name) {
    if (inNoscript) {
      return switch (name) {
        case "link", "meta", "style", "img" -> true;
        default -> false;
      };
    }
    return switch (name) {
      case "table", "template", "svg", "math", "select", "frameset", "plaintext", "xmp", "iframe", "noembed",
          "noframes" -> false;
      default -> true;
    };
  }

  /** What a start tag tells: the canonical href, or null (noting an og:url, or INCONCLUSIVE). */
  private String element(Tag tag) {
    switch (tag.name) {
      case "link" -> {
        if (tag.rel != null && tag.href != null) {
          String rel = text(tag.rel);
          if (rel == INCONCLUSIVE) {
            return INCONCLUSIVE;
          }
          for (String token : rel.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.equals("canonical")) {
              return text(tag.href);
            }
          }
        }
      }
      case "meta" -> {
        if (og == null && ogKnown && tag.property != null && tag.content != null) {
          String property = text(tag.property);
          if (property == INCONCLUSIVE) {
            ogKnown = false;
          } else if (property.trim().equalsIgnoreCase("og:url")) {
            og = text(tag.content);
            if (og == INCONCLUSIVE) {
              og = null;
              ogKnown = false;
            }
          }
        }
      }
      default -> { }
    }
    return null;
  }

  /** {@code <!--...-->}, {@code <!DOCTYPE ...>} or a bogus comment: the index after it, -1 when it runs out. */
  private int markup(int lt) {
    if (startsWith(lt, "<!--")) {
      int k = lt + 4;
      if (k < end && b[k] == '>') {
        return k + 1;
      }
      if (k + 1 < end && b[k] == '-' && b[k + 1] == '>') {
        return k + 2;
      }
      int close = indexOf(b, k, end, "-->");
      int bang = indexOf(b, k, close < 0 ? end : close, "--!>");
      if (bang >= 0) {
        return STOP; // odd comment ends: where this comment ends is for jsoup to judge
      }
      return close < 0 ? -1 : close + 3;
    }
    return afterGt(lt + 2);
  }

  private int afterGt(int from) {
    int gt = indexOf(b, from, end, (byte) '>');
    return gt < 0 ? -1 : gt + 1;
  }

  /** After a raw-text start tag: the index of its end tag, -1 when it runs out, {@link #STOP} to stop walking. */
  private int endOfRawText(String name, int from) {
    int k = from;
    while (true) {
      int close = indexOf(b, k, end, "</");
      if (close < 0 || close + 2 + name.length() >= end) {
        return -1;
      }
      if (regionMatchesIgnoreCase(close + 2, name)) {
        byte after = b[close + 2 + name.length()];
        if (isSpace(after) || after == '/' || after == '>') {
          if (name.equals("script") && escapesEnd(from, close)) {
            return STOP;
          }
          return close;
        }
      }
      k = close + 2;
    }
  }

  /**
   * Whether a {@code </script} at {@code close} may not end the script: only after a {@code <!--}
   * (script data escaped) followed by {@code <script} (double escaped, where the end tag is text).
   */
  private boolean escapesEnd(int from, int close) {
    int open = indexOf(b, from, close, "<!--");
    return open >= 0 && indexOfIgnoreCase(b, open, close, "<script") >= 0;
  }

  /** A tag's name and the attributes that matter; null to give up. */
  private static final class Tag {
    String name;
    Value rel;
    Value href;
    Value property;
    Value content;
    boolean rawText;
    int next = -1;
  }

  private Tag tag(int start, boolean isStart) {
    Tag tag = new Tag();
    int k = start;
    while (k < end && !isSpace(b[k]) && b[k] != '/' && b[k] != '>') {
      if (b[k] == '<') {
        return null;
      }
      k++;
    }
    if (k >= end) {
      return tag; // runs out
    }
    tag.name = new String(b, start, k - start, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    boolean watched = isStart && (tag.name.equals("link") || tag.name.equals("meta"));
    tag.rawText = isStart && switch (tag.name) {
      case "script", "style", "title", "textarea" -> true;
      default -> false;
    };
    int attributes = 0;
    while (true) {
      while (k < end && (isSpace(b[k]) || b[k] == '/')) {
        k++;
      }
      if (k >= end) {
        return tag;
      }
      if (b[k] == '>') {
        tag.next = k + 1;
        return tag;
      }
      if (b[k] == '<' || b[k] == '=') {
        return null;
      }
      int nameStart = k;
      while (k < end && !isSpace(b[k]) && b[k] != '/' && b[k] != '>' && b[k] != '=') {
        if (b[k] == '<' || b[k] == '"' || b[k] == '\'') {
          return null;
        }
        k++;
      }
      if (k >= end) {
        return tag;
      }
      int nameEnd = k;
      String attribute = watched
          ? new String(b, nameStart, k - nameStart, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
          : null;
      while (k < end && isSpace(b[k])) {
        k++;
      }
      if (k >= end) {
        return tag;
      }
      int valueStart = k;
      int valueEnd = k;
      if (b[k] == '=') {
        k++;
        while (k < end && isSpace(b[k])) {
          k++;
        }
        if (k >= end) {
          return tag;
        }
        if (b[k] == '"' || b[k] == '\'') {
          int close = indexOf(b, k + 1, end, b[k]);
          if (close < 0) {
            return tag;
          }
          valueStart = k + 1;
          valueEnd = close;
          k = close + 1;
        } else if (b[k] != '>') {
          valueStart = k;
          while (k < end && !isSpace(b[k]) && b[k] != '>') {
            if (b[k] == '<') {
              return null;
            }
            k++;
          }
          if (k >= end) {
            return tag;
          }
          valueEnd = k;
        }
      }
      if (++attributes > 100) {
        return null;
      }
      if (!watched) {
        continue;
      }
      for (int p = nameStart; p < nameEnd; p++) {
        if (b[p] < 0) {
          return null; // a non-ASCII attribute name in a link or meta tag: the charset decides
        }
      }
      Value found = new Value(valueStart, valueEnd);
      switch (attribute) {
        case "rel" -> tag.rel = tag.rel == null ? found : Value.REPEATED;
        case "href" -> tag.href = tag.href == null ? found : Value.REPEATED;
        case "property" -> tag.property = tag.property == null ? found : Value.REPEATED;
        case "content" -> tag.content = tag.content == null ? found : Value.REPEATED;
        default -> { }
      }
    }
  }

  /** Where an attribute value lies in the bytes; {@link #REPEATED} for a second one. */
  private record Value(int start, int end) {
    static final Value REPEATED = new Value(-1, -1);
  }

  /**
   * The attribute value as jsoup would read it, or {@link #INCONCLUSIVE} when that depends on the
   * charset or on character references.
   */
  private String text(Value value) {
    if (value == Value.REPEATED) {
      return INCONCLUSIVE;
    }
    for (int p = value.start(); p < value.end(); p++) {
      if (b[p] < 0 || b[p] == '&' || b[p] == '\r') {
        return INCONCLUSIVE;
      }
    }
    return new String(b, value.start(), value.end() - value.start(), StandardCharsets.ISO_8859_1);
  }

  private static boolean declaredCharsetsAsciiCompatible(byte[] body, int to) {
    return declaredCharsetsAsciiCompatible(body, 0, to);
  }

  private static boolean declaredCharsetsAsciiCompatible(byte[] body, int from, int to) {
    for (String keyword : new String[] {"charset", "encoding"}) {
      int k = from;
      while ((k = indexOfIgnoreCase(body, k, to, keyword)) >= 0) {
        k += keyword.length();
        int p = k;
        while (p < to && (isSpace(body[p]) || body[p] == '=' || body[p] == '"' || body[p] == '\'')) {
          p++;
        }
        int start = p;
        while (p < to && (isLetter(body[p]) || (body[p] >= '0' && body[p] <= '9') || body[p] == '-'
            || body[p] == '_' || body[p] == '.' || body[p] == ':' || body[p] == '+')) {
          p++;
        }
        if (p > start && !asciiCompatible(new String(body, start, p - start, StandardCharsets.ISO_8859_1))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Whether a charset decodes ASCII bytes as ASCII; unknown names count (jsoup ignores them). */
  static boolean asciiCompatible(String name) {
    return ASCII_COMPATIBLE.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> {
      try {
        if (!Charset.isSupported(n)) {
          return true;
        }
        Charset charset = Charset.forName(n);
        return new String(ASCII_PROBE.getBytes(StandardCharsets.US_ASCII), charset).equals(ASCII_PROBE);
      } catch (IllegalArgumentException e) {
        return true;
      }
    });
  }

  private boolean startsWith(int at, String text) {
    return at + text.length() <= end && indexOf(b, at, at + text.length(), text) == at;
  }

  private boolean regionMatchesIgnoreCase(int at, String lowerText) {
    if (at + lowerText.length() > end) {
      return false;
    }
    for (int n = 0; n < lowerText.length(); n++) {
      if (lower(b[at + n]) != lowerText.charAt(n)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static boolean isLetter(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int lower(byte c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }

  private static int indexOf(byte[] bytes, int from, int to, byte value) {
    return AsciiSearch.indexOf(bytes, from, to, value);
  }

  private static int indexOf(byte[] bytes, int from, int to, String text) {
    return AsciiSearch.indexOf(bytes, from, to, text);
  }

  /** {@code lowerText} must be lower-case ASCII. */
  private static int indexOfIgnoreCase(byte[] bytes, int from, int to, String lowerText) {
    return AsciiSearch.indexOfIgnoreCase(bytes, from, to, lowerText);
  }
}
