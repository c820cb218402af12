/** A real single-node KRaft Kafka broker inside this JVM, for the demo, local work and tests. */
package news.pipeline.broker;
