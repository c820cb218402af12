package news.pipeline.app.dedup;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.kafka.common.utils.Bytes;
import news.pipeline.avro.internal.ClusterState;
import news.pipeline.avro.internal.DedupDocument;
import news.pipeline.schemas.AvroSerde;
import news.pipeline.schemas.EventSerdes;

/**
 * {@link DedupStore} over six sorted byte tables, in the layout of {@link StateKeys}: the one
 * implementation behind both {@link KeyValueDedupStore} and {@link InMemoryDedupStore}, so the two
 * cannot drift apart. Documents are Avro single-object bytes; an article entry is Avro deflated (its
 * length as a varint, then raw deflate): members' URLs repeat the article's.
 */
abstract class TableDedupStore implements DedupStore {

  private static final byte[] EMPTY = new byte[0];

  /** Most documents filed under one LSH band; the oldest fall out first. */
  static final int MAX_BAND_SIZE = 64;

  /** A table of byte keys in unsigned lexicographic order. */
  interface Table {
    byte[] get(Bytes key);

    void put(Bytes key, byte[] value);

    void delete(Bytes key);

    /** Keys starting with {@code prefix}, in order, at most {@code max}. */
    List<Bytes> keysWithPrefix(Bytes prefix, int max);


    /** Keys below {@code bound}, in order, at most {@code max}. */
    List<Bytes> keysBelow(Bytes bound, int max);
  }

  private final AvroSerde<DedupDocument> documentSerde = EventSerdes.dedupDocument();
  private final AvroSerde<ClusterState> articleSerde = EventSerdes.clusterState();
  // the default level: an article entry is a few hundred bytes, where it finds more repeats than
  // the fastest
  private final Deflated deflated = new Deflated(Deflater.DEFAULT_COMPRESSION);
  private final Table documents;
  private final Table content;
  private final Table urls;
  private final Table bands;
  private final Table members;
  private final Table expiry;

  TableDedupStore(Table documents, Table content, Table urls, Table bands, Table members, Table expiry) {
    this.documents = documents;
    this.content = content;
    this.urls = urls;
    this.bands = bands;
    this.members = members;
    this.expiry = expiry;
  }

  @Override
  public DedupDocument document(String documentId) {
    byte[] id = StateKeys.packId(documentId);
    for (Slot entry : Slot.parse(documents.get(StateKeys.document(documentId)))) {
      if (Arrays.equals(entry.id(), id)) {
        return documentSerde.decode(entry.document());
      }
    }
    return null;
  }

  @Override
  public void putDocument(String documentId, DedupDocument document) {
    Bytes key = StateKeys.document(documentId);
    byte[] id = StateKeys.packId(documentId);
    List<Slot> entries = Slot.parse(documents.get(key));
    entries.removeIf(e -> Arrays.equals(e.id(), id));
    entries.add(new Slot(id, documentSerde.encode(document)));
    documents.put(key, Slot.join(entries));
  }

  @Override
  public void deleteDocument(String documentId) {
    Bytes key = StateKeys.document(documentId);
    byte[] id = StateKeys.packId(documentId);
    List<Slot> entries = Slot.parse(documents.get(key));
    if (entries.removeIf(e -> Arrays.equals(e.id(), id))) {
      if (entries.isEmpty()) {
        documents.delete(key);
      } else {
        documents.put(key, Slot.join(entries));
      }
    }
  }

  @Override
  public List<Remembered> documents(int reference) {
    List<Slot> entries = Slot.parse(documents.get(StateKeys.document(reference)));
    List<Remembered> found = new ArrayList<>(entries.size());
    for (Slot e : entries) {
      found.add(new Remembered(StateKeys.documentId(e.id()), documentSerde.decode(e.document())));
    }
    return found;
  }

  /**
   * One document in a document store value. A value holds every document of one reference
   * (almost always one): per document one byte of id length, the packed id, two bytes of length
   * and the Avro single-object bytes.
   */
  record Slot(byte[] id, byte[] document) {

    static List<Slot> parse(byte[] value) {
      List<Slot> entries = new ArrayList<>(1);
      if (value == null) {
        return entries;
      }
      ByteBuffer in = ByteBuffer.wrap(value);
      while (in.hasRemaining()) {
        byte[] id = new byte[in.get() & 0xFF];
        in.get(id);
        byte[] document = new byte[in.getShort() & 0xFFFF];
        in.get(document);
        entries.add(new Slot(id, document));
      }
      return entries;
    }

    static byte[] join(List<Slot> entries) {
      int size = 0;
      for (Slot e : entries) {
        if (e.document.length > 0xFFFF || e.id.length > 0xFF) {
          throw new IllegalArgumentException("remembered document too large: " + e.document.length + " bytes");
        }
        size += 3 + e.id.length + e.document.length;
      }
      ByteBuffer out = ByteBuffer.allocate(size);
      for (Slot e : entries) {
        out.put((byte) e.id.length).put(e.id).putShort((short) e.document.length).put(e.document);
      }
      return out.array();
    }
  }

  /** How many documents a document store value holds. */
  static int documentsIn(byte[] value) {
    return Slot.parse(value).size();
  }

  @Override
  public ClusterState article(String articleId) {
    byte[] bytes = content.get(Bytes.wrap(StateKeys.packId(articleId)));
    return bytes == null ? null : articleSerde.decode(deflated.unpack(bytes));
  }

  @Override
  public void putArticle(String articleId, ClusterState state) {
    content.put(Bytes.wrap(StateKeys.packId(articleId)), deflated.pack(articleSerde.encode(state)));
  }

  @Override
  public void deleteArticle(String articleId) {
    content.delete(Bytes.wrap(StateKeys.packId(articleId)));
  }

  @Override
  public String urlOwner(long urlHash) {
    byte[] owner = urls.get(StateKeys.url(urlHash));
    return owner == null ? null : StateKeys.documentId(owner);
  }

  @Override
  public void putUrlOwner(long urlHash, String documentId) {
    urls.put(StateKeys.url(urlHash), StateKeys.packId(documentId));
  }

  @Override
  public void deleteUrlOwner(long urlHash) {
    urls.delete(StateKeys.url(urlHash));
  }

  @Override
  public int[] band(int bandCode, int max) {
    int[] references = unpackInts(bands.get(StateKeys.band(bandCode)));
    return references.length <= max ? references : Arrays.copyOfRange(references, references.length - max, references.length);
  }

  @Override
  public void addToBand(int bandCode, String documentId) {
    Bytes key = StateKeys.band(bandCode);
    int[] old = unpackInts(bands.get(key));
    int keep = Math.min(old.length, MAX_BAND_SIZE - 1);
    int[] references = Arrays.copyOfRange(old, old.length - keep, old.length + 1);
    references[keep] = StateKeys.reference(documentId);
    bands.put(key, packInts(references, references.length));
  }

  @Override
  public void removeFromBand(int bandCode, String documentId) {
    Bytes key = StateKeys.band(bandCode);
    int[] references = unpackInts(bands.get(key));
    int reference = StateKeys.reference(documentId);
    for (int i = 0; i < references.length; i++) {
      if (references[i] == reference) {
        System.arraycopy(references, i + 1, references, i, references.length - i - 1);
        if (references.length == 1) {
          bands.delete(key);
        } else {
          bands.put(key, packInts(references, references.length - 1));
        }
        return;
      }
    }
  }

  /** A band's references, {@link StateKeys#REFERENCE_BYTES} bytes each. */
  private static int[] unpackInts(byte[] bytes) {
    if (bytes == null) {
      return new int[0];
    }
    int[] values = new int[bytes.length / StateKeys.REFERENCE_BYTES];
    for (int i = 0; i < values.length; i++) {
      values[i] = StateKeys.getReference(bytes, i * StateKeys.REFERENCE_BYTES);
    }
    return values;
  }

  private static byte[] packInts(int[] values, int count) {
    byte[] out = new byte[StateKeys.REFERENCE_BYTES * count];
    for (int i = 0; i < count; i++) {
      StateKeys.putReference(out, i * StateKeys.REFERENCE_BYTES, values[i]);
    }
    return out;
  }

  @Override
  public List<String> members(String articleId) {
    List<Bytes> keys = members.keysWithPrefix(StateKeys.memberPrefix(articleId), Integer.MAX_VALUE);
    List<String> ids = new ArrayList<>(keys.size());
    for (Bytes key : keys) {
      ids.add(StateKeys.memberDocument(key));
    }
    return ids;
  }

  @Override
  public void addMember(String articleId, String documentId) {
    members.put(StateKeys.member(articleId, documentId), EMPTY);
  }

  @Override
  public void removeMember(String articleId, String documentId) {
    members.delete(StateKeys.member(articleId, documentId));
  }

  @Override
  public void putExpiry(long lastSeenMillis, String articleId) {
    expiry.put(StateKeys.expiry(lastSeenMillis, articleId), EMPTY);
  }

  @Override
  public void deleteExpiry(long lastSeenMillis, String articleId) {
    expiry.delete(StateKeys.expiry(lastSeenMillis, articleId));
  }

  @Override
  public List<Expiry> expiredArticles(long cutoffMillis, int max) {
    List<Expiry> entries = new ArrayList<>();
    for (Bytes key : expiry.keysBelow(StateKeys.expiry(cutoffMillis, ""), max)) {
      entries.add(StateKeys.expiryEntry(key));
    }
    return entries;
  }
}
