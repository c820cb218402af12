package news.pipeline.producer.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import news.pipeline.producer.publish.DocumentPublisher;

/**
 * What became of the documents of one file, filled in as the producer answers. Read it after
 * {@link DocumentPublisher#flush()}.
 */
final class FileOutcome {

  final FileState state;
  final Path file;
  final List<String> ids = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger pending = new AtomicInteger();
  final AtomicInteger sent = new AtomicInteger();
  final AtomicInteger skipped = new AtomicInteger();
  final AtomicInteger unreadable = new AtomicInteger();
  final AtomicInteger notSent = new AtomicInteger();

  FileOutcome(FileState state, Path file) {
    this.state = state;
    this.file = file;
  }

  void told(DocumentPublisher.Outcome outcome) {
    switch (outcome) {
      case SENT -> sent.incrementAndGet();
      case SKIPPED -> skipped.incrementAndGet();
      case FAILED -> notSent.incrementAndGet();
    }
    pending.decrementAndGet();
  }

  /** Every document answered and none refused by the producer or the broker: nothing to retry. */
  boolean settled() {
    return pending.get() == 0 && notSent.get() == 0;
  }

  /** {@code ok}, or {@code failed} when some of the file's input could not be read. */
  String status() {
    return unreadable.get() == 0 ? "ok" : "failed";
  }
}
