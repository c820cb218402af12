/** Decode and parse: raw bytes to a raw document, then to article drafts (HTML, text dumps, metadata records). */
package news.pipeline.app.parse;
