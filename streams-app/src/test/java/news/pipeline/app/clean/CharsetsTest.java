package news.pipeline.app.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {

  private static final String TEXT = "Café “quotes” — naïve";
  private static final Charset CP1252 = Charset.forName("windows-1252");

  @Test
  void byteOrderMarkWinsOverEverything() {
    byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        TEXT.getBytes(StandardCharsets.UTF_8));
    assertThat(Charsets.decode(body, "windows-1252")).isEqualTo(TEXT);
  }

  @Test
  void declaredCharsetFromContentTypeIsUsed() {
    byte[] body = "Grüße".getBytes(Charset.forName("ISO-8859-15"));
    assertThat(Charsets.decode(body, "text/html; charset=ISO-8859-15")).isEqualTo("Grüße");
  }

  @Test
  void metaCharsetInTheHeadIsUsedWhenNothingIsDeclared() {
    String html = "<html><head><meta charset=\"windows-1252\"></head><body>" + TEXT + "</body>";
    assertThat(Charsets.decode(html.getBytes(CP1252), null)).contains(TEXT);
  }

  @Test
  void httpEquivContentTypeIsUsed() {
    String html = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
        + "<p>" + TEXT + "</p>";
    assertThat(Charsets.decode(html.getBytes(CP1252), null)).contains(TEXT);
  }

  @Test
  void undeclaredValidUtf8DecodesAsUtf8() {
    assertThat(Charsets.decode(TEXT.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(TEXT);
  }

  @Test
  void validUtf8IsNotTurnedIntoMojibakeByAWrongLegacyDeclaration() {
    assertThat(Charsets.decode(TEXT.getBytes(StandardCharsets.UTF_8), "ISO-8859-1"))
        .isEqualTo(TEXT);
  }

  @Test
  void invalidUtf8FallsBackToWindows1252() {
    assertThat(Charsets.decode(TEXT.getBytes(CP1252), null)).isEqualTo(TEXT);
  }

  @Test
  void unknownOrBrokenDeclarationsAreIgnored() {
    byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
    assertThat(Charsets.decode(body, "no-such-charset")).isEqualTo(TEXT);
    assertThat(Charsets.decode(body, "charset=\"")).isEqualTo(TEXT);
    assertThat(Charsets.decode(body, "???")).isEqualTo(TEXT);
  }

  @Test
  void emptyOrNullInputGivesEmptyText() {
    assertThat(Charsets.decode(null, null)).isEmpty();
    assertThat(Charsets.decode(new byte[0], "utf-8")).isEmpty();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
