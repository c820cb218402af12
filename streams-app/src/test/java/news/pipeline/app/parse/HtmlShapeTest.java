package news.pipeline.app.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlShapeTest {

  @Test
  void countsElementsAndNestingOfElementsThatNeedAnEndTag() {
    HtmlShape shape = HtmlShape.of("<div><div><p>text</div></div>");

    assertThat(shape.elements()).isEqualTo(3);
    assertThat(shape.maxDepth()).isEqualTo(2);
  }

  @Test
  void scriptContentIsSkippedUpToItsEndTagInAnyCase() {
    String script = "for (i = 0; i < n; i++) { a <b && c < d; x = '<div><div><div>'; }".repeat(50);
    HtmlShape shape = HtmlShape.of("<body><SCRIPT type=x>" + script + "</ScRiPt ><div></div></body>");

    assertThat(shape.elements()).isEqualTo(3); // body, script, div
    assertThat(shape.maxDepth()).isEqualTo(1);
  }

  @Test
  void endTagOfAnotherRawTextElementDoesNotEndAScript() {
    HtmlShape shape = HtmlShape.of("<script>x = '</style><div>';</script><div><div></div></div>");

    assertThat(shape.elements()).isEqualTo(3);
    assertThat(shape.maxDepth()).isEqualTo(2);
  }

  @Test
  void unclosedScriptEndsTheScan() {
    HtmlShape shape = HtmlShape.of("<div><script>if (a < b) { <div><div><div>");

    assertThat(shape.elements()).isEqualTo(2);
    assertThat(shape.maxDepth()).isEqualTo(1);
  }

  @Test
  void endTagSearchFindsTheFirstMatchAtOrAfterItsStart() {
    assertThat(HtmlShape.indexOfIgnoreCase("a < b </x <</STYLE>", "</style", 0)).isEqualTo(11);
    assertThat(HtmlShape.indexOfIgnoreCase("</style>", "</style", 1)).isEqualTo(-1);
    assertThat(HtmlShape.indexOfIgnoreCase("<</styl", "</style", 0)).isEqualTo(-1);
    assertThat(HtmlShape.indexOfIgnoreCase("", "</style", 0)).isEqualTo(-1);
  }
}
