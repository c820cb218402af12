/**
 * Turns raw pages (HTML or plain-text dumps) into a {@link news.pipeline.app.clean.CleanedPage}:
 * main text without boilerplate, plus title, authors, dates, URLs and language. Pure code, no
 * Kafka.
 */
package news.pipeline.app.clean;
