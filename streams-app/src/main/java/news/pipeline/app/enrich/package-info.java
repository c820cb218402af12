/** Enrich: normalized URL keys, title tokens, body signature, word count and provider for each draft. */
package news.pipeline.app.enrich;
