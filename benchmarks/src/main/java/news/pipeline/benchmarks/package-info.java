/** Quality benchmarks: the article cleaner against public corpora and other extractors. */
package news.pipeline.benchmarks;
