package news.pipeline.app.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import news.pipeline.app.Seeds;
import org.junit.jupiter.api.Test;

class MetadataRecordParserTest {

  private final MetadataRecordParser parser = new MetadataRecordParser(10_000_000);

  @Test
  void yamlRecordWithRelatedArticlesYieldsOneDraftPerArticle() {
    ParseResult result = parser.frontMatter(Seeds.read(Seeds.YAML_RECORD));

    assertThat(result.isRejected()).isFalse();
    assertThat(result.drafts()).hasSize(12);
    ArticleDraft main = result.drafts().get(0);
    assertThat(main.page().title()).isEqualTo("Amazon bans police use of its face recognition technology for a year");
    assertThat(main.page().siteName()).isEqualTo("The Boston Globe");
    assertThat(main.page().publishedAt()).isEqualTo(Instant.parse("2020-06-11T02:01:00Z"));
    assertThat(main.urls()).hasSize(3).first().asString().startsWith("https://www.bostonglobe.com/2020/06/10/");
    assertThat(main.topics()).containsExactly("Computer Vision", "AI");
    assertThat(result.drafts()).extracting(d -> d.page().siteName()).contains("Charlotte Observer", "Houston Chronicle");
    ArticleDraft houston = result.drafts().get(10);
    assertThat(houston.urls()).hasSize(1);
    assertThat(houston.hasBody()).isFalse();
  }

  @Test
  void frontMatterWithoutClosingFenceIsRejected() {
    ParseResult result = parser.frontMatter("---\ntitle: x\nwebUrl: https://a.example/x\n");

    assertThat(result.rejection().reason()).contains("no closing '---' fence");
  }

  @Test
  void unsafeYamlTypeTagIsRejectedNotConstructed() {
    ParseResult result = parser.frontMatter("---\ntitle: !!javax.script.ScriptEngineManager [x]\n---\n");

    assertThat(result.isRejected()).isTrue();
    assertThat(result.rejection().reason()).contains("unsafe YAML");
  }

  @Test
  void yamlAliasBombIsRejected() {
    StringBuilder yaml = new StringBuilder("---\na: &a [x,x,x,x,x,x,x,x,x,x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char prev = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [*").append(prev).append(",*").append(prev).append(",*")
          .append(prev).append(",*").append(prev).append(",*").append(prev).append(",*").append(prev).append("]\n");
    }
    yaml.append("title: bomb\n---\n");

    ParseResult result = parser.frontMatter(yaml.toString());

    assertThat(result.isRejected()).isTrue();
  }

  @Test
  void jsonRecordIsReadLikeYaml() {
    ParseResult result =
        parser.json("{\"title\":\"A headline about things\",\"url\":\"https://news.example/a\",\"datePublished\":\"2020-06-10\"}");

    assertThat(result.drafts()).singleElement().satisfies(d -> {
      assertThat(d.page().title()).isEqualTo("A headline about things");
      assertThat(d.page().publishedAt()).isEqualTo(Instant.parse("2020-06-10T00:00:00Z"));
      assertThat(d.urls()).containsExactly("https://news.example/a");
    });
  }

  @Test
  void jsonWithWrongShapeIsRejectedWithReason() {
    assertThat(parser.json("[1,2,3]").rejection().reason()).contains("not a mapping");
    assertThat(parser.json("{\"title\": ").rejection().reason()).startsWith("invalid JSON record");
    assertThat(parser.json("{\"count\": 3}").rejection().reason()).contains("names no article");
  }
}
