/**
 * The dedup quality set and the commands that measure dedup: {@link
 * news.pipeline.app.dedup.quality.DedupQualityBenchmark} (pairwise precision and recall per kind
 * of copy, hard negatives falsely merged) and {@link
 * news.pipeline.app.dedup.quality.DedupStateSize} (bytes of state per remembered document).
 */
package news.pipeline.app.dedup.quality;
