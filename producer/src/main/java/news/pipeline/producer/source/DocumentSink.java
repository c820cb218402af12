package news.pipeline.producer.source;

import java.util.function.Consumer;
import news.pipeline.avro.RawDocument;

/** Where sources put what they read: a document, or a reason why an input gave none. */
public interface DocumentSink {

  /** One document read. */
  void accept(RawDocument document);

  /** An input left out on purpose (too large, not a document, a record type we do not keep). */
  void skip(String where, String reason);

  /** An input that could not be read. */
  void fail(String where, String reason);

  /**
   * Work that turns one input into calls on a sink (reading, inflating, detecting, hashing).
   * Sources hand the costly part of each input over this way so a sink may run it on another
   * thread; such a sink still passes on the resulting calls in the order the work was handed
   * over. By default the work runs here and now, on this sink.
   *
   * @param where names the input if the work itself breaks
   */
  default void later(String where, Consumer<DocumentSink> work) {
    work.accept(this);
  }
}
