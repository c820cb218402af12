package news.pipeline.app.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * What the cluster looks like before a replay, and the reasons to refuse it.
 *
 * @param rawExists whether the raw topic exists
 * @param rawRecords records on the raw topic now
 * @param recordsToReplay records from the replay's start to the end of the raw topic
 * @param activeMembers the consumer group members of the target application (client id @ host)
 * @param internalTopics the target application's internal topics the reset tool deletes
 * @param missingTopics output topics of the target that do not exist yet
 * @param targetCanonicalRecords records already on the target canonical topic (side by side)
 */
public record Preflight(
    boolean rawExists,
    long rawRecords,
    long recordsToReplay,
    List<String> activeMembers,
    List<String> internalTopics,
    List<String> missingTopics,
    long targetCanonicalRecords) {

  public Preflight {
    activeMembers = List.copyOf(activeMembers);
    internalTopics = List.copyOf(internalTopics);
    missingTopics = List.copyOf(missingTopics);
  }

  /** Why this replay must not run; empty when it may. */
  public List<String> problems(ReplayPlan plan) {
    List<String> problems = new ArrayList<>();
    String app = plan.target().applicationId();
    if (!rawExists) {
      problems.add(
          "the raw topic " + plan.target().topics().raw() + " does not exist on " + plan.target().bootstrapServers()
              + ": nothing to replay (check --bootstrap-server and topic.raw)");
    }
    if (!activeMembers.isEmpty()) {
      problems.add(
          "the app " + app + " is still running: its consumer group has " + activeMembers.size() + " active member(s) ("
              + String.join(", ", activeMembers) + "). Stop every instance first (SIGTERM or Ctrl-C on ./pipeline run);"
              + " an instance that crashed leaves the group after session.timeout.ms");
    }
    if (plan.mode() == ReplayPlan.Mode.SIDE_BY_SIDE && targetCanonicalRecords > 0) {
      problems.add(
          "the topic " + plan.target().topics().canonical() + " already holds " + targetCanonicalRecords
              + " records from an earlier run: pick another --new-version, or delete the topic first");
    }
    return problems;
  }
}
