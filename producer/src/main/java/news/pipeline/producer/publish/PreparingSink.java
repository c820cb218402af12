package news.pipeline.producer.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import news.pipeline.avro.RawDocument;
import news.pipeline.producer.source.DocumentSink;

/**
 * A sink that prepares documents on a small pool of worker threads and hands them, in the order
 * the sources produced them, to a target on one sending thread. The work sources pass to {@link
 * #later} (reading a file, inflating, detecting the type, finding the URL, hashing the id) runs on
 * the pool together with {@link DocumentPublisher#prepare} (Avro encoding, the record key), so the
 * thread that reads the input and the thread that hands records to the {@code KafkaProducer} (and
 * compresses them there) do little else. A bounded queue of work in flight holds the reader back
 * when the pool or the producer falls behind.
 *
 * <p>What the target sees is exactly what a plain sink would have seen, in the same order: the
 * same documents, skips and failures, so ids, keys, values and the summary do not depend on the
 * number of threads.
 *
 * <pre>{@code
 * try (PreparingSink sink = new PreparingSink(publisher, PreparingSink.defaultWorkers(),
 *     PreparingSink.Target.of(publisher))) {
 *   new FileSource(sink, maxBytes, filter).read(folder);
 * } // close() waits until everything was handed over; then publisher.flush()
 * }</pre>
 */
public final class PreparingSink implements DocumentSink, AutoCloseable {

  /** What the sending thread does with what the sources produced, in their order. */
  public interface Target {
    /** A document ready to send (or to skip as too large). */
    void accept(DocumentPublisher.Prepared document);

    /** An input left out on purpose. */
    void skip(String where, String reason);

    /** An input that could not be read. */
    void fail(String where, String reason);

    /** Publishes each document, counts skips and failures: what {@code publish} does. */
    static Target of(DocumentPublisher publisher) {
      return new Target() {
        @Override
        public void accept(DocumentPublisher.Prepared document) {
          publisher.publish(document, outcome -> {});
        }

        @Override
        public void skip(String where, String reason) {
          publisher.skip(where, reason);
        }

        @Override
        public void fail(String where, String reason) {
          publisher.fail(where, reason);
        }
      };
    }
  }

  /** One worker per available processor. */
  public static int defaultWorkers() {
    return Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  private static final Object END = new Object();

  private final DocumentPublisher publisher;
  private final Target target;
  private final ExecutorService workers;
  private final BlockingQueue<Object> inOrder;
  private final Thread sender;
  private volatile Throwable senderError;
  private boolean closed;

  /**
   * @param publisher prepares documents ({@link DocumentPublisher#prepare})
   * @param workers threads preparing documents
   * @param target receives everything, in order, on the sending thread
   */
  public PreparingSink(DocumentPublisher publisher, int workers, Target target) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.target = Objects.requireNonNull(target, "target");
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "publish-prepare-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    // a few inputs per worker in flight: enough to keep the pool busy, little memory held
    this.inOrder = new ArrayBlockingQueue<>(4 * workers);
    this.sender = new Thread(this::send, "publish-send");
    this.sender.setDaemon(true);
    this.sender.start();
  }

  @Override
  public void later(String where, Consumer<DocumentSink> work) {
    CompletableFuture<List<Event>> events = CompletableFuture.supplyAsync(() -> run(where, work), workers);
    enqueue(events);
  }

  @Override
  public void accept(RawDocument document) {
    later(document.getSource(), to -> to.accept(document));
  }

  @Override
  public void skip(String where, String reason) {
    enqueue(CompletableFuture.completedFuture(List.of(new Event(null, where, reason, false))));
  }

  @Override
  public void fail(String where, String reason) {
    enqueue(CompletableFuture.completedFuture(List.of(new Event(null, where, reason, true))));
  }

  /**
   * Waits until everything handed over so far reached the target, then stops the threads. The
   * documents are then with the producer: {@link DocumentPublisher#flush()} waits for the broker.
   *
   * @throws IllegalStateException when the target threw; what came after was still handed over
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    enqueue(END);
    try {
      sender.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      workers.shutdownNow();
    }
    if (senderError != null) {
      throw new IllegalStateException("handing prepared documents over failed", senderError);
    }
  }

  /** A call a source made on the sink: a prepared document, or a skip or failure. */
  private record Event(DocumentPublisher.Prepared document, String where, String reason, boolean failed) {}

  /** Runs the work on a worker, preparing what it accepts; the calls are kept for the sender. */
  private List<Event> run(String where, Consumer<DocumentSink> work) {
    List<Event> events = new ArrayList<>(1);
    DocumentSink recorder = new DocumentSink() {
      @Override
      public void accept(RawDocument document) {
        events.add(new Event(publisher.prepare(document), null, null, false));
      }

      @Override
      public void skip(String where, String reason) {
        events.add(new Event(null, where, reason, false));
      }

      @Override
      public void fail(String where, String reason) {
        events.add(new Event(null, where, reason, true));
      }
    };
    try {
      work.accept(recorder);
    } catch (RuntimeException e) {
      events.add(new Event(null, where, "cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage(), true));
    }
    return events;
  }

  private void enqueue(Object item) {
    if (closed && item != END) {
      throw new IllegalStateException("closed");
    }
    try {
      inOrder.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing work over", e);
    }
  }

  @SuppressWarnings("unchecked")
  private void send() {
    while (true) {
      Object item;
      try {
        item = inOrder.take();
      } catch (InterruptedException e) {
        return;
      }
      if (item == END) {
        return;
      }
      List<Event> events;
      try {
        events = ((CompletableFuture<List<Event>>) item).get();
      } catch (InterruptedException e) {
        return;
      } catch (ExecutionException e) {
        senderError = senderError == null ? e.getCause() : senderError;
        continue;
      }
      for (Event event : events) {
        try {
          if (event.document() != null) {
            target.accept(event.document());
          } else if (event.failed()) {
            target.fail(event.where(), event.reason());
          } else {
            target.skip(event.where(), event.reason());
          }
        } catch (RuntimeException | Error e) {
          senderError = senderError == null ? e : senderError;
        }
      }
    }
  }
}
