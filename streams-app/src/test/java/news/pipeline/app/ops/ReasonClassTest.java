package news.pipeline.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasonClassTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      body of 12345678 bytes exceeds limits.max.document.bytes=10485760 | body of N bytes exceeds limits.max.document.bytes=N
      invalid JSON envelope: Unexpected character ('x' (code 120))       | invalid JSON envelope
      body is binary, not text (image/png declared)                       | body is binary, not text
      internal error while parsing: java.lang.StackOverflowError          | internal error while parsing
      empty record value                                                  | empty record value
      ''                                                                  | unknown
      """)
  void reasonsBecomeFewStableLabels(String reason, String label) {
    assertThat(ReasonClass.of(reason)).isEqualTo(label);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      a reason that goes on and on without any colon or parenthesis to cut it short, far beyond sixty characters
      """)
  void longReasonsAreCut(String reason) {
    assertThat(ReasonClass.of(reason)).hasSizeLessThanOrEqualTo(ReasonClass.MAX_LENGTH).startsWith("a reason that goes on");
  }
}
