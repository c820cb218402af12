package news.pipeline.app.clean;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans a plain-text page dump (what a crawler saves when it keeps only the rendered text):
 * finds the headline, byline and date, and keeps the article paragraphs while dropping menus,
 * skip links, sign-up prompts, captions, related-content and product blocks and footers. The
 * rules look at line shape (length, punctuation, bullets) and position, never at site names.
 *
 * <pre>{@code
 * CleanedPage page = new TextDumpCleaner().clean(Files.readString(dump));
 * }</pre>
 */
public final class TextDumpCleaner {

  private static final Pattern BYLINE = Pattern.compile("(?i)^by\\s+(.{2,80})$");
  private static final Pattern UPDATED = Pattern.compile("(?i)updated\\s*:?\\s*(.+)$");

  /** Cleans one dump; null or blank text gives an empty, non-article page. */
  public CleanedPage clean(String text) {
    List<DumpLine> lines = new ArrayList<>();
    if (text != null) {
      for (String raw : text.split("\\R")) {
        if (!raw.isBlank()) {
          lines.add(DumpLine.parse(raw, lines.size()));
        }
      }
    }
    int firstProse = firstProse(lines);
    int titleAt = findTitle(lines, firstProse < 0 ? lines.size() : firstProse);
    String title = titleAt >= 0 ? lines.get(titleAt).text() : null;
    int start = titleAt >= 0 ? titleAt + 1 : Math.max(firstProse, 0);

    List<String> authors = new ArrayList<>();
    Instant published = null;
    Instant modified = null;
    // bylines and dates sit near the headline, before or just after a standfirst
    int headEnd = Math.min(lines.size(), Math.max(firstProse, start) + 4);
    for (int i = 0; i < headEnd; i++) {
      DumpLine l = lines.get(i);
      if (l.words() > 12) {
        continue;
      }
      Matcher by = BYLINE.matcher(l.text());
      if (i > titleAt && by.matches() && authors.isEmpty()) {
        authors.addAll(AuthorNames.split(l.text()));
      }
      if (published == null && LineRules.isDateLine(l)) {
        published = DateParser.parseText(l.text()).orElse(null);
        Matcher upd = UPDATED.matcher(l.text());
        modified = upd.find() ? DateParser.parseText(upd.group(1)).orElse(null) : null;
      }
    }
    List<String> paragraphs = body(lines, start, title);
    if (published == null) {
      published = paragraphs.isEmpty() ? null : findDateNear(lines, start);
    }
    String excerpt = paragraphs.stream().filter(p -> p.length() >= 80).findFirst().orElse(null);
    boolean isArticle = title != null && paragraphs.stream().filter(p -> p.length() >= 80).count() >= 3;
    String body = String.join("\n\n", paragraphs);
    return new CleanedPage(title, authors, published, modified, null, List.of(), null,
        LanguageGuesser.guess(body), excerpt, body, isArticle);
  }

  private static int firstProse(List<DumpLine> lines) {
    for (DumpLine l : lines) {
      if (l.isProse() && !l.bullet() && !isBoilerplate(l)) {
        return l.index();
      }
    }
    return -1;
  }

  /** The first standalone, headline-shaped line before the first prose paragraph. */
  private static int findTitle(List<DumpLine> lines, int before) {
    for (int i = 0; i < before; i++) {
      DumpLine l = lines.get(i);
      int words = l.words();
      if (!l.bullet() && words >= 4 && words <= 30 && !l.text().matches(".*[.:;]$")
          && !isBoilerplate(l) && !LineRules.isDateLine(l) && !BYLINE.matcher(l.text()).matches()
          && !LineRules.isEndMarker(l)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> body(List<DumpLine> lines, int start, String title) {
    List<DumpLine> kept = new ArrayList<>();
    boolean inBody = false;
    List<String> captions = new ArrayList<>();
    for (int i = start; i < lines.size(); i++) {
      DumpLine l = lines.get(i);
      if (inBody && LineRules.isEndMarker(l) && !LineRules.isInlinePromo(l)) {
        break;
      }
      if (LineRules.isCaption(l)) {
        captions.add(l.text().replaceFirst("(?i)^[a-z ]+:\\s*", ""));
        continue;
      }
      // a caption is often repeated (alt text) and followed by a short credit ("AP")
      if (!captions.isEmpty() && (captions.contains(l.text()) || isCreditAfterCaption(l))) {
        continue;
      }
      captions.clear();
      if (isBoilerplate(l) || LineRules.isShortBullet(l) || LineRules.isInlinePromo(l)
          || LineRules.isLinkCall(l) || LineRules.isTermList(l)
          || l.text().equals(title) || BYLINE.matcher(l.text()).matches()
          || LineRules.isDateLine(l)) {
        continue;
      }
      // between the headline and the first prose only sentences (a standfirst) survive
      if (!inBody && !l.isProse() && l.words() < 8) {
        continue;
      }
      inBody |= l.isProse();
      kept.add(l);
    }
    // trailing lines after the last prose paragraph are link lists and promos
    int last = kept.size() - 1;
    while (last >= 0 && !kept.get(last).isProse()) {
      last--;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i <= last; i++) {
      out.add(kept.get(i).text());
    }
    return out;
  }

  private static boolean isCreditAfterCaption(DumpLine l) {
    return l.words() <= 4 && !l.endsLikeSentence();
  }

  private static boolean isBoilerplate(DumpLine l) {
    return LineRules.isSkipLink(l) || LineRules.isSignUp(l) || LineRules.isLegal(l)
        || LineRules.isCaption(l);
  }

  private static Instant findDateNear(List<DumpLine> lines, int start) {
    for (int i = Math.max(0, start - 5); i < Math.min(lines.size(), start + 8); i++) {
      if (lines.get(i).words() > 20) {
        continue;
      }
      Optional<Instant> d = DateParser.parseText(lines.get(i).text());
      if (d.isPresent()) {
        return d.get();
      }
    }
    return null;
  }
}
