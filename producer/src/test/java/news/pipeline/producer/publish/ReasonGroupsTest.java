package news.pipeline.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasonGroupsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      WARC request record                                                        | WARC request record
      file is 7033 bytes, above the size limit of 4096 bytes                     | file is N bytes, above the size limit of N bytes
      document 3fa2b4c5d6e7f801 is 20480 bytes encoded, above the size limit     | document <id> is N bytes encoded, above the size limit
      WARC response with HTTP status 404                                         | WARC response with HTTP status 404
      payload of https://example.com/a?b=1 is above the size limit of 1048576 bytes | payload of <url> is above the size limit of N bytes
      line is longer than 30000 characters                                       | line is longer than N characters
      """)
  void particularsAreFoldedButShortNumbersStay(String reason, String group) {
    assertThat(ReasonGroups.of(reason)).isEqualTo(group);
  }
}
