/**
 * Near-duplicate detection cores: title normalization, shingles, MinHash signatures, LSH band keys,
 * exact Jaccard, and the thresholds that turn a similarity into a match. Pure functions; no Kafka.
 */
package news.pipeline.app.dedup.similarity;
