package news.pipeline.producer.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The byte route of envelope parsing gives what the text route gives on the decoded line: the same
 * document (body bytes included) or the same error, whichever route answered.
 */
class EnvelopeBytesTest {

  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

  static List<byte[]> envelopes() {
    List<byte[]> cases = new ArrayList<>();
    for (String json : List.of(
        "{\"url\":\"https://example.com/a\",\"body\":\"<p class=\\\"x\\\">Hi</p>\"}",
        "{\"body\":\"tabs\\tnew\\nlines\\r\\b\\f \\/ \\\\ back\"}",
        "{\"body\":\"Grüße, café, 日本語, 😀 raw\"}",
        "{\"body\":\"escaped \\u00e9 \\u65E5 \\ud83d\\ude00 pair\"}",
        "{\"body\":\"lone high \\ud83d then text, lone low \\ude00, high then raw 😀: \\ud83d😀\"}",
        "{\"body\":\"high then escaped non-low \\ud83d\\u0041\"}",
        "{\"body\":\"nul \\u0000 and del \u007f\"}",
        "{\"body\":\"bad escape \\x\"}",
        "{\"body\":\"short escape \\u12\"}",
        "{\"body\":\"raw\ttab\"}",
        "{\"body\":\"one\",\"body\":\"two\"}",
        "{\"body\":\"one\",\"body\":7}",
        "{\"body\":7,\"body\":\"seven\"}",
        "{\"body\":null}",
        "{\"body\":\"text\",\"bodyBase64\":\"aGk=\"}",
        "{\"body\":\"text\",\"bodyBase64\":null}",
        "{\"bodyBase64\":\"aGk=\"}",
        "{\"body\":\"caf\u00e9\",\"charset\":\"ISO-8859-1\"}",
        "{\"body\":\"caf\u00e9\",\"contentType\":\"text/html; charset=windows-1252\"}",
        "{\"body\":\"x\",\"charset\":\"utf8\"}",
        "{\"body\":\"x\",\"charset\":\"no-such-charset\"}",
        "{\"body\":\"x\",\"charset\":5}",
        "{\"body\":\"x\",\"contentType\":\"bogus\"}",
        "{\"body\":\"x\",\"fetchedAt\":\"yesterday\"}",
        "{\"body\":\"x\",\"fetchedAt\":1718064000000,\"source\":\"s\",\"headers\":{\"A\":[\"1\",2]},\"metadata\":{\"d\":{\"n\":1}}}",
        "{\"body\":\"x\",\"headers\":[1]}",
        "{\"body\":\"<html>\"} trailing",
        "{\"body\":\"unterminated}",
        "{\"body\":\"x\"",
        "[1,2]",
        "null",
        "{}",
        "  {\"body\" : \"spaced\" }  ")) {
      cases.add(json.getBytes(StandardCharsets.UTF_8));
    }
    cases.add(new byte[] {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', 'a', (byte) 0xC3, '"', '}'}); // cut sequence
    cases.add(new byte[] {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}); // CESU
    cases.add(new byte[] {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}); // overlong
    cases.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', 'x', '"', '}'});
    return cases;
  }

  @ParameterizedTest
  @MethodSource("envelopes")
  void bytesParseAsTheirDecodedText(byte[] json) {
    JsonEnvelope.Parsed fromText = JsonEnvelope.parse(new String(json, StandardCharsets.UTF_8), "stdin", () -> NOW);
    JsonEnvelope.Parsed fromBytes = JsonEnvelope.parse(json, "stdin", () -> NOW);

    assertThat(fromBytes.error()).isEqualTo(fromText.error());
    assertThat(fromBytes.document()).isEqualTo(fromText.document());
  }

  @Test
  void theUsualEnvelopeTakesTheByteRoute() {
    byte[] json = "{\"url\":\"https://example.com/a\",\"body\":\"<p class=\\\"x\\\">Grüße \\u00e9</p>\"}"
        .getBytes(StandardCharsets.UTF_8);

    JsonEnvelope.Parsed parsed = EnvelopeBytes.parse(json, "stdin", () -> NOW);

    assertThat(parsed).isNotNull();
    assertThat(new String(parsed.document().getBody().array(), StandardCharsets.UTF_8))
        .isEqualTo("<p class=\"x\">Grüße é</p>");
  }

  @Test
  void linesOfBytesGiveWhatLinesOfTextGive() throws IOException {
    StringBuilder input = new StringBuilder();
    for (byte[] json : envelopes()) {
      input.append(new String(json, StandardCharsets.UTF_8)).append(input.length() % 3 == 0 ? "\r\n" : "\n");
    }
    input.append("\n \u2003 \n{\"body\":\"").append("é".repeat(60)).append("\"}\n{\"body\":\"")
        .append("e".repeat(200)).append("\"}\nlast line without newline");
    byte[] bytes = input.toString().getBytes(StandardCharsets.UTF_8);

    CollectingSink binary = new CollectingSink();
    long fromBytes = new JsonLines(binary, 100).read(new ByteArrayInputStream(bytes), "f", "f", () -> NOW);

    // what the same lines give read as text: split at \n, a final \r dropped, blank lines
    // ignored, lines over 100 characters skipped, the rest parsed as strings
    CollectingSink text = new CollectingSink();
    long fromText = 0;
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      String where = "f line " + (i + 1);
      if (line.length() > 100) {
        text.skip(where, "line is longer than 100 characters");
      } else if (!line.isBlank()) {
        JsonEnvelope.Parsed parsed = JsonEnvelope.parse(line, "f", () -> NOW);
        if (parsed.isOk()) {
          text.accept(parsed.document());
          fromText++;
        } else {
          text.fail(where, parsed.error());
        }
      }
    }

    assertThat(fromBytes).isEqualTo(fromText);
    assertThat(binary.documents).isEqualTo(text.documents);
    assertThat(binary.failed).isEqualTo(text.failed);
    assertThat(binary.skipped).isEqualTo(text.skipped).hasSize(1); // the 200-character line
  }
}
