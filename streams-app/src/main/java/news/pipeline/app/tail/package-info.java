/** {@code ./pipeline tail} without Kafka: where to start reading, how a record reads as JSON, the latest view. */
package news.pipeline.app.tail;
