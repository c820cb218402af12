package news.pipeline.app.dedup;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * The compact binary keys of the dedup index. Every store key is bytes, compared unsigned
 * lexicographically (RocksDB's and {@link Bytes}' order), so one layout serves the Kafka Streams
 * stores and the in-memory maps alike.
 *
 * <ul>
 *   <li>A document id is packed: the project's ids (16 lower-case hex digits, {@code #n} for the
 *       n-th related article of a record) take 8 bytes, 9 with the suffix; any other id is its UTF-8
 *       bytes, padded with NULs to 10 when it would be 8 or 9 bytes long.
 *   <li>A document is keyed by its 24-bit {@link #reference} (the value holds the documents of that
 *       reference, each with its packed id: almost always one); a band entry is the
 *       band's 32-bit code then the document's reference; a URL owner key is the URL key's 64-bit
 *       hash (the value the owner's packed id); a member entry the article's packed id (after one
 *       length byte) then the member's; an expiry entry the time (8 bytes, big-endian) then the
 *       packed article id; article content is keyed by the packed article id.
 * </ul>
 *
 * <p>{@code StateKeys.documentId(StateKeys.packId("8c0de6de77f2d51c#2"))} is {@code "8c0de6de77f2d51c#2"}.
 */
public final class StateKeys {

  private static final int HEX_ID_CHARS = 16;
  private static final int PACKED = HEX_ID_CHARS / 2;

  private StateKeys() {}

  /** The remaining bytes of a buffer (an Avro {@code bytes} field), the buffer left as it was. */
  public static byte[] bytes(java.nio.ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  /** A document id as bytes (see the class comment); ids must not contain NUL. */
  public static byte[] packId(String id) {
    int hash = id.indexOf('#');
    int hexEnd = hash < 0 ? id.length() : hash;
    if (hexEnd == HEX_ID_CHARS && isLowerHex(id, hexEnd)) {
      int suffix = hash < 0 ? 0 : suffix(id, hash + 1);
      if (hash < 0 || suffix > 0) {
        byte[] packed = new byte[hash < 0 ? PACKED : PACKED + 1];
        for (int i = 0; i < PACKED; i++) {
          packed[i] = (byte) (Character.digit(id.charAt(2 * i), 16) << 4 | Character.digit(id.charAt(2 * i + 1), 16));
        }
        if (hash >= 0) {
          packed[PACKED] = (byte) suffix;
        }
        return packed;
      }
    }
    byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
    if (utf8.length == PACKED || utf8.length == PACKED + 1) {
      return java.util.Arrays.copyOf(utf8, PACKED + 2);
    }
    return utf8;
  }

  /** The inverse of {@link #packId}. */
  public static String documentId(byte[] packed) {
    return documentId(packed, 0, packed.length);
  }

  /** The document id packed in {@code bytes[from..to)}. */
  public static String documentId(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length == PACKED || length == PACKED + 1) {
      StringBuilder id = new StringBuilder(HEX_ID_CHARS + 4);
      for (int i = from; i < from + PACKED; i++) {
        id.append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append(Character.forDigit(bytes[i] & 0xF, 16));
      }
      if (length == PACKED + 1) {
        id.append('#').append(bytes[from + PACKED] & 0xFF);
      }
      return id.toString();
    }
    int end = to;
    while (end > from && bytes[end - 1] == 0) {
      end--;
    }
    return new String(bytes, from, end - from, StandardCharsets.UTF_8);
  }

  /** Bytes of a {@link #reference}. */
  public static final int REFERENCE_BYTES = 3;

  /**
   * A document's 24-bit reference: a hash of its id. Bands name documents by it (3 bytes instead of
   * 8 or more, in the lists that every document is in 31 of), and the document store is keyed by
   * it, so that one get resolves a reference to its document, or to the few documents that share
   * it (each is then verified like any other candidate). With a million documents remembered, one
   * in 17 references is shared: a second get-free check, never a wrong match.
   */
  public static int reference(String documentId) {
    return (int) (urlHash(documentId) >>> (64 - 8 * REFERENCE_BYTES));
  }

  /** Writes a reference at {@code offset}, big-endian. */
  static void putReference(byte[] bytes, int offset, int reference) {
    for (int i = 0; i < REFERENCE_BYTES; i++) {
      bytes[offset + i] = (byte) (reference >>> (8 * (REFERENCE_BYTES - 1 - i)));
    }
  }

  /** Reads a reference at {@code offset}. */
  static int getReference(byte[] bytes, int offset) {
    int reference = 0;
    for (int i = 0; i < REFERENCE_BYTES; i++) {
      reference = reference << 8 | (bytes[offset + i] & 0xFF);
    }
    return reference;
  }

  /** The document store key of a document: its reference. */
  public static Bytes document(String documentId) {
    return document(reference(documentId));
  }

  /** The document store key of every document with this reference. */
  public static Bytes document(int reference) {
    byte[] key = new byte[REFERENCE_BYTES];
    putReference(key, 0, reference);
    return Bytes.wrap(key);
  }

  /** The key of an LSH band: its 32-bit code. */
  public static Bytes band(int bandCode) {
    byte[] key = new byte[4];
    putInt(key, 0, bandCode);
    return Bytes.wrap(key);
  }

  /** The URL index key of a normalized URL key: its 64-bit hash. */
  public static Bytes url(String urlKey) {
    byte[] key = new byte[8];
    putLong(key, 0, urlHash(urlKey));
    return Bytes.wrap(key);
  }

  /**
   * A 64-bit hash of a normalized URL key (FNV-1a over UTF-16 units, then the MurmurHash3
   * finalizer). Two keys sharing a hash would be taken for one URL; at a million keys that happens
   * with odds of about 3 in 100 million, and a URL match whose titles and bodies both differ is
   * refused anyway.
   */
  public static long urlHash(String urlKey) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < urlKey.length(); i++) {
      char c = urlKey.charAt(i);
      h = (h ^ (c & 0xff)) * 0x100000001b3L;
      h = (h ^ (c >>> 8)) * 0x100000001b3L;
    }
    h ^= urlKey.length();
    h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
    h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** The key of a URL index entry whose hash is {@code hash}. */
  public static Bytes url(long hash) {
    byte[] key = new byte[8];
    putLong(key, 0, hash);
    return Bytes.wrap(key);
  }

  /** The prefix of every member entry of an article. */
  public static Bytes memberPrefix(String articleId) {
    byte[] article = packId(articleId);
    byte[] key = new byte[1 + article.length];
    key[0] = (byte) article.length;
    System.arraycopy(article, 0, key, 1, article.length);
    return Bytes.wrap(key);
  }

  /** The key of a member entry: the article, then the member document. */
  public static Bytes member(String articleId, String documentId) {
    byte[] prefix = memberPrefix(articleId).get();
    byte[] id = packId(documentId);
    byte[] key = java.util.Arrays.copyOf(prefix, prefix.length + id.length);
    System.arraycopy(id, 0, key, prefix.length, id.length);
    return Bytes.wrap(key);
  }

  /** The member document id of a member entry key. */
  public static String memberDocument(Bytes key) {
    byte[] bytes = key.get();
    return documentId(bytes, 1 + (bytes[0] & 0xFF), bytes.length);
  }

  /** The expiry index key: big-endian time (negative times as 0), so byte order is time order. */
  public static Bytes expiry(long lastSeenMillis, String articleId) {
    byte[] id = articleId.isEmpty() ? new byte[0] : packId(articleId);
    byte[] key = new byte[8 + id.length];
    putLong(key, 0, Math.max(0, lastSeenMillis));
    System.arraycopy(id, 0, key, 8, id.length);
    return Bytes.wrap(key);
  }

  /** The entry of an expiry index key. */
  public static DedupStore.Expiry expiryEntry(Bytes key) {
    byte[] bytes = key.get();
    long time = 0;
    for (int i = 0; i < 8; i++) {
      time = time << 8 | (bytes[i] & 0xFF);
    }
    return new DedupStore.Expiry(time, documentId(bytes, 8, bytes.length));
  }

  /** Eight bytes per hash, big-endian. */
  public static byte[] packLongs(long[] values, int count) {
    byte[] bytes = new byte[8 * count];
    for (int i = 0; i < count; i++) {
      putLong(bytes, 8 * i, values[i]);
    }
    return bytes;
  }

  /** The inverse of {@link #packLongs}. */
  public static long[] unpackLongs(byte[] bytes) {
    long[] values = new long[bytes.length / 8];
    for (int i = 0; i < values.length; i++) {
      long v = 0;
      for (int b = 0; b < 8; b++) {
        v = v << 8 | (bytes[8 * i + b] & 0xFF);
      }
      values[i] = v;
    }
    return values;
  }

  private static boolean isLowerHex(String s, int end) {
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The related-article number after {@code #}, or 0 when it is not a canonical number 1 to 255. */
  private static int suffix(String id, int from) {
    int length = id.length() - from;
    if (length < 1 || length > 3 || id.charAt(from) == '0') {
      return 0;
    }
    int n = 0;
    for (int i = from; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      n = n * 10 + (c - '0');
    }
    return n <= 255 ? n : 0;
  }

  private static void putInt(byte[] bytes, int at, int value) {
    for (int i = 3; i >= 0; i--) {
      bytes[at + i] = (byte) value;
      value >>>= 8;
    }
  }

  private static void putLong(byte[] bytes, int at, long value) {
    for (int i = 7; i >= 0; i--) {
      bytes[at + i] = (byte) value;
      value >>>= 8;
    }
  }
}
