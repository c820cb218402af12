/** Configuration: one documented defaults file, overrides from a file and the environment, validated at start-up. */
package news.pipeline.app.config;
