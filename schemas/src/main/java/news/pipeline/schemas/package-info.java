/**
 * The wire contract: Avro single-object-encoding serdes for the generated event classes, the
 * schema history that lets a reader decode every earlier version, and a JSON view of events.
 */
package news.pipeline.schemas;
