package news.pipeline.app.it.crash;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import news.pipeline.app.run.OutputSnapshot;
import news.pipeline.avro.CanonicalArticle;
import news.pipeline.avro.DedupDecision;

/**
 * The black-box ledger of one run, from its outputs only (the live canonical articles after
 * compaction, the decisions, the rejected topic): every raw record must be either a member of
 * exactly one live article (by its document id) or in the rejected topic exactly once (by its
 * source partition and offset); none twice, none missing.
 *
 * @param membership article id to the ids of its members
 * @param rejectedOffsets "partition:offset" of each raw record rejected, with how often
 * @param lost raw records in neither place
 * @param doubled raw records or documents found more than once (as members, decisions or rejects)
 */
record Accounting(
    Map<String, Set<String>> membership,
    Map<String, Integer> rejectedOffsets,
    int documents,
    int uniqueDocuments,
    int members,
    int decisions,
    List<String> lost,
    List<String> doubled) {

  static Accounting of(List<CrashCorpus.Input> inputs, List<RecordMetadata> sent, OutputSnapshot output) {
    Map<String, Set<String>> membership = new TreeMap<>();
    Map<String, Integer> memberCount = new HashMap<>();
    for (CanonicalArticle article : output.articles().values()) {
      Set<String> ids = new TreeSet<>();
      article.getMembers().forEach(m -> {
        ids.add(m.getDocumentId());
        memberCount.merge(m.getDocumentId(), 1, Integer::sum);
      });
      membership.put(article.getId(), ids);
    }
    Map<String, Integer> decisionCount = new HashMap<>();
    for (DedupDecision d : output.decisions()) {
      decisionCount.merge(d.getDocumentId(), 1, Integer::sum);
    }
    Map<String, Integer> rejected = new TreeMap<>();
    for (ConsumerRecord<String, byte[]> r : output.rejected()) {
      rejected.merge(sourceOf(r), 1, Integer::sum);
    }
    List<String> lost = new java.util.ArrayList<>();
    List<String> doubled = new java.util.ArrayList<>();
    Set<String> uniqueIds = new TreeSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      CrashCorpus.Input input = inputs.get(i);
      String where = sent.get(i).partition() + ":" + sent.get(i).offset();
      int rejects = rejected.getOrDefault(where, 0);
      int asMember = input.documentId() == null ? 0 : memberCount.getOrDefault(input.documentId(), 0);
      if (input.documentId() != null) {
        uniqueIds.add(input.documentId());
      }
      if (rejects > 1 || asMember > 1 || rejects == 1 && asMember == 1) {
        doubled.add("record " + where + " id " + input.documentId() + " rejected " + rejects + "x, member " + asMember + "x");
      } else if (rejects == 0 && asMember == 0) {
        lost.add("record " + where + " id " + input.documentId());
      }
    }
    decisionCount.forEach((id, n) -> {
      if (n > 1) {
        doubled.add("document " + id + " has " + n + " decisions");
      }
    });
    memberCount.keySet().stream()
        .filter(id -> !uniqueIds.contains(id))
        .forEach(id -> doubled.add("member " + id + " is no input document"));
    int members = memberCount.values().stream().mapToInt(Integer::intValue).sum();
    return new Accounting(
        membership, rejected, inputs.size(), uniqueIds.size(), members, output.decisions().size(), lost, doubled);
  }

  /** "partition:offset" of the raw record a rejection came from (our headers or the DLQ's). */
  static String sourceOf(ConsumerRecord<String, byte[]> record) {
    String partition = header(record, "source.partition");
    String offset = header(record, "source.offset");
    if (partition == null) {
      partition = header(record, "__streams.errors.partition");
      offset = header(record, "__streams.errors.offset");
    }
    return partition + ":" + offset;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  int rejectedCount() {
    return rejectedOffsets.values().stream().mapToInt(Integer::intValue).sum();
  }
}
