package news.pipeline.producer.source;

import news.pipeline.avro.RawDocument;

/** Where sources put what they read: a document, or a reason why an input gave none. */
public interface DocumentSink {

  /** One document read. */
  void accept(RawDocument document);

  /** An input left out on purpose (too large, not a document, a record type we do not keep). */
  void skip(String where, String reason);

  /** An input that could not be read. */
  void fail(String where, String reason);
}
