/**
 * URL canonicalization: one dedup key per article address, and the registrable domain that names
 * the provider. Pure functions; no Kafka and no network.
 */
package news.pipeline.url;
