package news.pipeline.app.replay;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.pipeline.app.config.PipelineConfig;

/**
 * What a replay does, decided before anything touches the cluster: which application reprocesses
 * the raw topic, from where, and which topics it writes. {@link #describe} renders the plan for
 * {@code --dry-run} and before a real run.
 *
 * <ul>
 *   <li><b>In place</b>: the same application id and topics. Its input offsets go back, its internal
 *       topics and local state are deleted, and it rewrites the canonical topic. Article ids are
 *       deterministic, so after a replay from the beginning the compacted view is what a fresh run
 *       gives.
 *   <li><b>Side by side</b>: a new application id and new versioned output topics (canonical,
 *       duplicates, rejected); the old application and its topics are left alone, so consumers
 *       switch when they are ready.
 * </ul>
 */
public record ReplayPlan(
    Mode mode, PipelineConfig source, PipelineConfig target, ReplayStart start, Optional<Instant> resetTo, Instant plannedAt) {

  /** How the replayed output relates to the current one. */
  public enum Mode {
    IN_PLACE,
    SIDE_BY_SIDE
  }

  /** A plan, or why there is none. */
  public record Result(Optional<ReplayPlan> plan, String error) {
    static Result ok(ReplayPlan plan) {
      return new Result(Optional.of(plan), null);
    }

    static Result error(String message) {
      return new Result(Optional.empty(), message);
    }
  }

  private static final DateTimeFormatter RESETTER_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * @param newVersion the version of the side-by-side output ({@code v2}); must be null in place
   */
  public static Result plan(PipelineConfig current, Mode mode, String newVersion, ReplayStart start, Clock clock) {
    PipelineConfig target = current;
    if (mode == Mode.SIDE_BY_SIDE) {
      if (newVersion == null || !VersionedNames.VERSION.matcher(newVersion).matches()) {
        return Result.error("--side-by-side needs --new-version vN (such as v2), got " + (newVersion == null ? "none" : "'" + newVersion + "'"));
      }
      PipelineConfig.Topics t = current.topics();
      target =
          current
              .withApplicationId(VersionedNames.withVersion(current.applicationId(), newVersion, '-'))
              .withTopics(
                  new PipelineConfig.Topics(
                      t.raw(),
                      VersionedNames.withVersion(t.canonical(), newVersion, '.'),
                      VersionedNames.withVersion(t.duplicates(), newVersion, '.'),
                      VersionedNames.withVersion(t.rejected(), newVersion, '.')));
      if (target.applicationId().equals(current.applicationId())
          || target.topics().canonical().equals(t.canonical())) {
        return Result.error(
            "--new-version " + newVersion + " is the version already in use (application " + current.applicationId()
                + ", topic " + t.canonical() + "); side by side needs a new one");
      }
    } else if (newVersion != null) {
      return Result.error("--new-version goes with --side-by-side; an in-place replay keeps its application id and topics");
    }
    return Result.ok(new ReplayPlan(mode, current, target, start, start.resolve(clock), clock.instant()));
  }

  /** Arguments for Kafka's {@code StreamsResetter}: the target app's input offsets back to the start. */
  public List<String> resetterArguments() {
    List<String> args = new ArrayList<>();
    args.add("--bootstrap-server");
    args.add(target.bootstrapServers());
    args.add("--application-id");
    args.add(target.applicationId());
    args.add("--input-topics");
    args.add(target.topics().raw());
    if (resetTo.isPresent()) {
      args.add("--to-datetime");
      args.add(RESETTER_TIME.format(resetTo.get()));
    } else {
      args.add("--to-earliest");
    }
    return args;
  }

  /** The settings that differ from the current config, as {@code key=value}: what {@code run} needs to run the target. */
  public Map<String, String> targetOverrides() {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (!target.applicationId().equals(source.applicationId())) {
      overrides.put("application.id", target.applicationId());
    }
    putIfChanged(overrides, "topic.canonical", source.topics().canonical(), target.topics().canonical());
    putIfChanged(overrides, "topic.duplicates", source.topics().duplicates(), target.topics().duplicates());
    putIfChanged(overrides, "topic.rejected", source.topics().rejected(), target.topics().rejected());
    return overrides;
  }

  /** The plan for a person, with what the cluster check found. */
  public List<String> describe(Preflight found, boolean startAfter) {
    PipelineConfig.Topics out = target.topics();
    List<String> lines = new ArrayList<>();
    lines.add(
        mode == Mode.IN_PLACE
            ? "replay in place: application " + target.applicationId() + " on " + target.bootstrapServers()
            : "replay side by side: new application " + target.applicationId() + " beside " + source.applicationId()
                + " on " + target.bootstrapServers());
    lines.add(
        "  read  " + out.raw() + " from " + start.describe(Clock.fixed(plannedAt, ZoneOffset.UTC)) + ": "
            + found.recordsToReplay() + " of " + found.rawRecords() + " records");
    lines.add("  write " + out.canonical() + ", " + out.duplicates() + ", " + out.rejected());
    if (mode == Mode.SIDE_BY_SIDE) {
      PipelineConfig.Topics old = source.topics();
      lines.add("        (" + old.canonical() + ", " + old.duplicates() + " and " + old.rejected() + " stay untouched)");
    }
    int step = 0;
    lines.add("  " + (++step) + ". check that no instance of " + target.applicationId() + " runs (consumer group without active members)");
    if (!found.missingTopics().isEmpty()) {
      lines.add("  " + (++step) + ". create the missing topics " + String.join(", ", found.missingTopics()));
    }
    lines.add(
        "  " + (++step) + ". reset the input offsets of " + target.applicationId() + " on " + out.raw() + " to "
            + resetTo.map(t -> "the first record at or after " + t).orElse("the earliest") + " (Kafka Streams reset tool)");
    lines.add(
        "  " + (++step) + ". delete its internal topics: "
            + (found.internalTopics().isEmpty() ? "none exist" : String.join(", ", found.internalTopics())));
    lines.add(
        "  " + (++step) + ". delete its local state " + target.stateDir().resolve(target.applicationId())
            + " (KafkaStreams#cleanUp); on every other machine that ran an instance, delete that folder too");
    lines.add("  " + (++step) + ". " + (startAfter ? "start the app here" : "then start the app (./pipeline run, or --start)"));
    if (resetTo.isPresent()) {
      lines.add(
          "  note: documents before " + resetTo.get() + " are not replayed and the dedup state is wiped, so a later copy of"
              + " an article first seen before then (within dedup.horizon=" + target.dedup().horizon() + ") becomes a new article");
    }
    if (mode == Mode.SIDE_BY_SIDE) {
      lines.add(
          "  then: consumers switch to " + out.canonical() + " when ready; stop " + source.applicationId()
              + " and delete its topics after the last one has switched");
    }
    return lines;
  }

  private static void putIfChanged(Map<String, String> map, String key, String before, String after) {
    if (!before.equals(after)) {
      map.put(key, after);
    }
  }
}
