/**
 * {@code ./pipeline bench}: the end-to-end benchmark on an embedded broker, one class per phase
 * (publishing, raw pass-through, cleaner alone, pipeline pass, latency probe, changelog state
 * size), ordered by {@link news.pipeline.app.bench.PipelineBench} and printed by {@link
 * news.pipeline.app.bench.BenchCommand}.
 */
package news.pipeline.app.bench;
