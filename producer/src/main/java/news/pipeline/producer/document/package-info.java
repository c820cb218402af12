/**
 * Builds {@code RawDocument} records: deterministic ids, the URL a document is known by, and the
 * factory that puts them together. Knows nothing of Kafka.
 */
package news.pipeline.producer.document;
