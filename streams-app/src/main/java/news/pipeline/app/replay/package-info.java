/**
 * Replaying the raw topic after a code or config change: a pure plan (what to reset, where to
 * write, from when) and a thin executor that checks the cluster, runs Kafka's reset tool and
 * cleans local state.
 */
package news.pipeline.app.replay;
