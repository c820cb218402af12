/**
 * Watching a folder a crawler drops files into: when a file is complete ({@code
 * CompletenessTracker}), which files were already sent ({@code PublishedJournal}), and the loop
 * that publishes, journals and clears them away ({@code FolderWatcher}).
 */
package news.pipeline.producer.watch;
