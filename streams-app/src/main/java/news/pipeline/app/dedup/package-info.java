/**
 * Dedup: finds the article a candidate belongs to by normalized URL, title similarity and body
 * similarity, merges articles that turn out to be one, and keeps each article's canonical state.
 */
package news.pipeline.app.dedup;
