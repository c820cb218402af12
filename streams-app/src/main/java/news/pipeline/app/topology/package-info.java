/** The Kafka Streams topology: a factory that main, the demo and every test share, and its processors. */
package news.pipeline.app.topology;
