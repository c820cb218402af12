package news.pipeline.producer.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells which files in a folder are complete, from successive listings alone (no locks, no
 * cooperation from the writer beyond one of two habits):
 *
 * <ul>
 *   <li><b>renamed into place</b>: the crawler writes under a temporary name ({@code .part},
 *       {@code .tmp}, a hidden name; never listed) and renames when done. Give a quiet time of
 *       zero and a file is complete the moment it shows up;
 *   <li><b>quiet</b>: a file whose size and modification time have not changed for the quiet
 *       time is complete: either one listing found its modification time at least that far in
 *       the past, or listings at least that far apart found the same size and time.
 * </ul>
 *
 * A writer that pauses longer than the quiet time in the middle of a file defeats the second
 * rule; such crawlers should rename into place. Not thread-safe: one watcher loop owns it.
 */
public final class CompletenessTracker {

  private final Duration quiet;
  private final Map<String, Seen> seen = new HashMap<>();

  /** When a file was first listed with its current size and time. */
  private record Seen(long size, long modifiedMillis, Instant since) {}

  /** @param quiet how long a file must stay unchanged; zero for files renamed into place */
  public CompletenessTracker(Duration quiet) {
    if (quiet.isNegative()) {
      throw new IllegalArgumentException("quiet time must not be negative: " + quiet);
    }
    this.quiet = quiet;
  }

  /**
   * The files of a listing that are complete at {@code now}. Files missing from the listing are
   * forgotten, so a file that comes back starts over.
   */
  public List<FileState> complete(Collection<FileState> listing, Instant now) {
    Set<String> present = new HashSet<>();
    List<FileState> complete = new ArrayList<>();
    for (FileState file : listing) {
      present.add(file.path());
      if (isComplete(file, now)) {
        complete.add(file);
      }
    }
    seen.keySet().retainAll(present);
    return complete;
  }

  private boolean isComplete(FileState file, Instant now) {
    if (quiet.isZero()) {
      return true;
    }
    Seen before = seen.get(file.path());
    if (before == null || before.size() != file.size() || before.modifiedMillis() != file.modifiedMillis()) {
      // unchanged at least since it was last modified (a file there before we started, or renamed
      // in with an old time), and at least since now
      Instant modified = Instant.ofEpochMilli(file.modifiedMillis());
      before = new Seen(file.size(), file.modifiedMillis(), modified.isBefore(now) ? modified : now);
      seen.put(file.path(), before);
    }
    return !before.since().plus(quiet).isAfter(now);
  }
}
