package news.pipeline.producer.source;

import java.util.ArrayList;
import java.util.List;
import news.pipeline.avro.RawDocument;

/** Keeps everything a source produced, for assertions. */
final class CollectingSink implements DocumentSink {

  final List<RawDocument> documents = new ArrayList<>();
  final List<String> skipped = new ArrayList<>();
  final List<String> failed = new ArrayList<>();

  @Override
  public void accept(RawDocument document) {
    documents.add(document);
  }

  @Override
  public void skip(String where, String reason) {
    skipped.add(where + ": " + reason);
  }

  @Override
  public void fail(String where, String reason) {
    failed.add(where + ": " + reason);
  }

  List<String> sources() {
    return documents.stream().map(RawDocument::getSource).toList();
  }
}
