package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.indicators.v1.ComparatorFigure;
import org.laasuite.indicators.v1.ComparatorGroup;
import org.laasuite.indicators.v1.ComparatorGroupKind;
import org.laasuite.indicators.v1.ComparatorPosition;
import org.laasuite.indicators.v1.CreateComparatorFigureRequest;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.ImportComparatorsRequest;
import org.laasuite.indicators.v1.ImportOptions;
import org.laasuite.indicators.v1.ImportOutturnsRequest;
import org.laasuite.indicators.v1.ImportOutturnsResponse;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.indicators.v1.OutturnRow;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.testkit.ClientStreams;
import org.laasuite.testkit.TestIssuer;
import tools.jackson.databind.JsonNode;

/**
 * Against comparators on the demo data (comparators.csv: England's claimant rate of 2005, set against Foleshill's,
 * which the papers print in a cell only, so no position is taken): the indicators service's positions, the JSON, the
 * page (and its PDF) and the report card say the same; a card without comparator figures says so. An indicator of
 * the test's own, green against its target among four neighbours all better than it, is flagged on each.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComparatorsPageTest implements TestPropertyProvider {

  private static final FieldMask READ = FieldMask.newBuilder().addPaths("indicator").addPaths("comparators").build();

  @Inject
  EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return RunningSuite.get().gatewayProperties("20s");
  }

  /** The positions of {@code code} as the indicators service reports them to the public. */
  private static List<ComparatorPosition> positions(String code) {
    var channel = RunningSuite.get().indicators.channel();
    try {
      return IndicatorServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as(TestIssuer.ADMIN))
          .listIndicatorReports(ListIndicatorReportsRequest.newBuilder().setPageSize(500).setReadMask(READ).build())
          .getReportsList().stream().filter(r -> r.getIndicator().getId().equals(code)).findFirst().orElseThrow()
          .getComparatorsList();
    } finally {
      channel.shutdownNow();
    }
  }

  /** The words of each position of {@code code} in the JSON answer (null when it is not listed). */
  private List<String> jsonWords(String code) {
    JsonNode json = OpenDataTest.json(server, "/api/v1/comparators");
    for (JsonNode r : json.get("reports")) {
      if (r.get("indicator").get("id").asString().equals(code)) {
        List<String> words = new ArrayList<>();
        r.get("comparators").forEach(c -> words.add(c.get("words").asString()));
        return words;
      }
    }
    return null;
  }

  private static List<String> pageWords(Element section) {
    return section.select("[data-test=comparator] [data-test=words]").eachText();
  }

  @Test
  void theDemosEnglandFigureIsShownWithoutAPositionOnTheJsonThePageAndTheCard() {
    List<ComparatorPosition> demo = positions("EDE-JE-6");
    assertEquals(1, demo.size(), demo.toString());
    ComparatorPosition england = demo.getFirst();
    assertEquals("comparatorGroups/england", england.getGroup());
    assertEquals(ComparatorGroupKind.COMPARATOR_GROUP_KIND_ENGLAND, england.getGroupKind());
    assertEquals("periods/cy-2005", england.getPeriod());
    assertEquals("areas/foleshill", england.getLocalArea());
    assertEquals("17.12", england.getMax().getValue());
    assertEquals(0, england.getQuartile());
    assertEquals("There is no Foleshill ward figure yet to set against England's 17.12 (2005).", england.getWords());
    List<String> words = List.of(england.getWords());

    assertEquals(words, jsonWords("EDE-JE-6"));
    Document page = Http.page(server.getURI(), "/comparators");
    Element article = page.selectFirst("[data-test=indicator][data-code=EDE-JE-6]");
    assertNotNull(article, "EDE-JE-6 is listed");
    assertEquals(words, pageWords(article));
    assertEquals("0", article.selectFirst("[data-test=comparator]").attr("data-quartile"));
    assertEquals("not computed", article.selectFirst("[data-test=quartile]").text());
    assertEquals("17.12 (England)", article.selectFirst("[data-test=range]").text());
    assertTrue(article.selectFirst("[data-test=note]").text().contains("set against Foleshill's rate"),
        "the transcription's note is shown");
    assertNull(page.selectFirst("[data-test=indicator][data-code=CYP-28]"), "no comparator figure of CYP-28");

    Document card = Http.page(server.getURI(), "/report-cards/EDE-JE-6");
    assertEquals(words, pageWords(card.selectFirst("section[data-test=comparators]")));
    Document other = Http.page(server.getURI(), "/report-cards/CYP-28");
    assertEquals("No comparator figures are recorded for this indicator.",
        other.selectFirst("section[data-test=comparators] [data-test=no-comparators]").text());

    var pdf = Http.bytes(server.getURI(), "/comparators.pdf");
    assertEquals(200, pdf.statusCode());
    assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
    assertEquals("/comparators", Http.page(server.getURI(), "/").selectFirst("[data-test=comparators-link]")
        .attr("href"));
  }

  @Test
  void anIndicatorGreenAgainstItsTargetInTheBottomQuartileIsFlaggedAlike() throws Exception {
    try (OwnIndicator own = new OwnIndicator("CMP-FLAG", "Test: reports answered on time", "%", "2013-14-q1")) {
      var channel = RunningSuite.get().indicators.channel();
      try {
        var admin = IndicatorServiceGrpc.newStub(channel).withCallCredentials(TestIssuer.as(TestIssuer.ADMIN));
        ImportOutturnsResponse written = ClientStreams.<ImportOutturnsRequest, ImportOutturnsResponse>send(
            admin::importOutturns, List.of(
                ImportOutturnsRequest.newBuilder().setOptions(ImportOptions.newBuilder().setPublish(true)).build(),
                ImportOutturnsRequest.newBuilder().setRow(OutturnRow.newBuilder().setIndicator(own.name)
                    .setPeriod("periods/fy-2013-14-q1").setValue("90")).build()).iterator());
        assertTrue(written.getWritten() && written.getAcceptedCount() == 1, written.toString());
        var file = ImportComparatorsRequest.newBuilder().addGroups(ComparatorGroup.newBuilder()
            .setId("cmp-test-neighbours").setTitle("test neighbours")
            .setKind(ComparatorGroupKind.COMPARATOR_GROUP_KIND_NEAREST_NEIGHBOURS));
        for (String v : List.of("95", "96", "97", "98")) {
          file.addFigures(CreateComparatorFigureRequest.newBuilder().setParent(own.name).setComparatorFigure(
              ComparatorFigure.newBuilder().setGroup("comparatorGroups/cmp-test-neighbours")
                  .setPeriod("periods/fy-2013-14-q1").setArea("Neighbour " + v)
                  .setFigure(Figure.newBuilder().setOriginalText(v))));
        }
        IndicatorServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as(TestIssuer.ADMIN))
            .importComparators(file.build());
      } finally {
        channel.shutdownNow();
      }

      ComparatorPosition flagged = positions("CMP-FLAG").getFirst();
      assertEquals(4, flagged.getQuartile());
      assertTrue(flagged.getGreenButBottomQuartile(), flagged.toString());
      assertEquals("85", flagged.getLocalTarget().getValue());
      assertEquals(List.of(flagged.getWords()), jsonWords("CMP-FLAG"));

      Document page = Http.page(server.getURI(), "/comparators");
      Element article = page.selectFirst("[data-test=indicator][data-code=CMP-FLAG]");
      assertEquals(List.of(flagged.getWords()), pageWords(article));
      assertEquals(fmtRating(), article.selectFirst(".rag").text());
      Element item = article.selectFirst("[data-test=comparator]");
      assertEquals("true", item.attr("data-flag"));
      assertEquals("4 of 4 (1 = best)", item.selectFirst("[data-test=quartile]").text());
      assertEquals("green but bottom quartile", item.selectFirst("[data-test=flag]").text());
      assertEquals("95 to 98, median 96.5 (4 figures)", item.selectFirst("[data-test=range]").text());
      assertTrue(Integer.parseInt(page.selectFirst("[data-test=flagged]").text()) >= 1);
      Element card = Http.page(server.getURI(), "/report-cards/CMP-FLAG").selectFirst("section[data-test=comparators]");
      assertEquals("green but bottom quartile", card.selectFirst("[data-test=flag]").text());
    }
  }

  private static String fmtRating() {
    return org.laasuite.reporting.render.Fmt.INSTANCE.rating(Rating.RATING_GREEN);
  }
}
