package news.pipeline.producer.watch;

/** What the watcher does with a file once it is published and journaled. */
public enum Disposal {
  /** Moves it to the done folder (the default): the watched folder holds only work to do. */
  MOVE,
  /** Deletes it; a file with unreadable input is kept for a person to look at. */
  DELETE,
  /** Leaves it where it is; the journal alone keeps it from being sent again. */
  KEEP
}
