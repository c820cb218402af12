/** The {@code publish} command, usable alone or as a subcommand of a launcher. */
package news.pipeline.producer.cli;
