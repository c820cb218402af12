/** Operations: metrics, health and readiness, the live view and its HTTP server, graceful stop. */
package news.pipeline.app.ops;
