/** The Kafka side of the producer: one idempotent, compressed producer and its tally. */
package news.pipeline.producer.publish;
