/** The {@code ./pipeline} command line: one top-level command with a subcommand per job. */
package news.pipeline.app.cli;
