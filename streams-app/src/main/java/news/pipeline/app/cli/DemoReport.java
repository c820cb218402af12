package news.pipeline.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.common.header.Header;
import news.pipeline.app.run.OutputSnapshot;
import news.pipeline.app.topology.Topics;
import news.pipeline.avro.ArticleMember;
import news.pipeline.avro.CanonicalArticle;

/** Prints the demo's result for a person: each canonical article, the rejects, and a summary line. */
final class DemoReport {

  private static final int TEXT_PREVIEW = 160;

  private DemoReport() {}

  static void print(PrintWriter out, OutputSnapshot output, long rawDocuments) {
    int index = 0;
    for (CanonicalArticle a : output.sortedArticles()) {
      out.printf(Locale.ROOT, "%n[%d] %s  %s%n", ++index, a.getId(), a.getTitle() == null ? "(no title)" : a.getTitle());
      out.printf(Locale.ROOT, "    site: %s   published: %s   members: %d%n",
          nullToDash(a.getSiteName()), a.getPublishedAt() == null ? "-" : a.getPublishedAt(), a.getMembers().size());
      for (ArticleMember m : a.getMembers()) {
        out.printf(Locale.ROOT, "    - %-22s %-5s %.2f  %s%n", m.getDocumentId(), m.getMatchedBy(), m.getSimilarity(),
            m.getUrl() == null ? m.getSource() : m.getUrl());
      }
      if (a.getUrls().size() > 0) {
        out.printf(Locale.ROOT, "    urls: %s%n", String.join("\n          ", a.getUrls()));
      }
      out.printf(Locale.ROOT, "    text: %s%n", preview(a.getText() != null ? a.getText() : a.getExcerpt()));
    }
    for (var record : output.rejected()) {
      out.printf(Locale.ROOT, "%nrejected key=%s stage=%s reason=%s%n", record.key(),
          header(record.headers().lastHeader(Topics.HEADER_STAGE)), header(record.headers().lastHeader(Topics.HEADER_REASON)));
    }
    int members = output.memberCount();
    int articles = output.articles().size();
    out.printf(Locale.ROOT, "%n%d article candidates from %d raw documents%n", members, rawDocuments);
    out.printf(Locale.ROOT, "%d raw documents -> %d canonical articles (%d merged as duplicates, %d rejected)%n",
        rawDocuments, articles, members - articles, output.rejected().size());
    out.flush();
  }

  private static String preview(String text) {
    if (text == null) {
      return "-";
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= TEXT_PREVIEW ? flat : flat.substring(0, TEXT_PREVIEW) + "…";
  }

  private static String nullToDash(String s) {
    return s == null ? "-" : s;
  }

  private static String header(Header header) {
    return header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
  }

}
