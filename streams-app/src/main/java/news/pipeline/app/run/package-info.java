/** Running the app: topic set-up, the Kafka Streams lifecycle, and waiting until all input is processed. */
package news.pipeline.app.run;
