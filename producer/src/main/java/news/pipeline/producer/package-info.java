/**
 * The producer: turns files, folders, JSON lines and WARC archives into {@code RawDocument}
 * records on {@code news.documents.raw.v1}. Sub-packages by feature: {@code detect} (what a body
 * is), {@code document} (building records and ids), {@code source} (reading inputs), {@code
 * publish} (the Kafka side) and {@code cli} (the {@code publish} command).
 */
package news.pipeline.producer;
