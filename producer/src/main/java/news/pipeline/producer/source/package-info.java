/**
 * Reads inputs into documents: files and folders, JSON envelopes (stdin and {@code .jsonl}
 * files) and WARC archives. Each input ends as a document, a skip or a failure in a {@link
 * news.pipeline.producer.source.DocumentSink}; nothing is dropped silently.
 */
package news.pipeline.producer.source;
