package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.reporting.v1.JudgementDisagreement;
import org.laasuite.reporting.v1.ListJudgementDisagreementsRequest;
import org.laasuite.reporting.v1.ListJudgementDisagreementsResponse;
import org.laasuite.reporting.v1.ReportingServiceGrpc;
import org.laasuite.testkit.TestIssuer;
import tools.jackson.databind.JsonNode;

/**
 * Where people and the rule differ, on the demo data: the gRPC answer, the JSON, the page (and its PDF) and the review
 * pack list the same indicators, those the indicators service reports judged both ways and differently; one theme
 * group's alone; a theme group that is no id refused, naming the field.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JudgementDisagreementsTest implements TestPropertyProvider {

  @Inject
  EmbeddedServer server;
  @Inject
  ApplicationContext context;

  private ManagedChannel grpc;
  private List<IndicatorReport> differing;
  private int judgedBothWays;

  @Override
  public Map<String, String> getProperties() {
    return RunningSuite.get().gatewayProperties("20s");
  }

  @BeforeAll
  void readTheDemo() {
    var indicators = RunningSuite.get().indicators.channel();
    try {
      var all = IndicatorServiceGrpc.newBlockingStub(indicators).withCallCredentials(TestIssuer.as(TestIssuer.ADMIN))
          .listIndicatorReports(ListIndicatorReportsRequest.newBuilder().setPageSize(500).build()).getReportsList();
      List<IndicatorReport> both = all.stream().filter(r -> r.getComputedJudgement().getRating()
          != Rating.RATING_UNSPECIFIED && r.getRecordedJudgement().getRating() != Rating.RATING_UNSPECIFIED).toList();
      judgedBothWays = both.size();
      differing = both.stream().filter(r -> r.getComputedJudgement().getRating() != r.getRecordedJudgement()
          .getRating()).toList();
    } finally {
      indicators.shutdownNow();
    }
    assertFalse(differing.isEmpty(), "the demo's Simple View records judgements the rule does not make");
    int port = context.getProperty("grpc.server.port", Integer.class).orElseThrow();
    grpc = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  @AfterAll
  void close() {
    grpc.shutdownNow();
  }

  private List<String> expected() {
    return differing.stream().map(r -> r.getIndicator().getId()).sorted().toList();
  }

  private static List<String> sorted(List<String> codes) {
    return codes.stream().sorted().toList();
  }

  @Test
  void theGrpcAnswerTheJsonThePageAndTheReviewPackListTheSame() {
    ListJudgementDisagreementsResponse answer = ReportingServiceGrpc.newBlockingStub(grpc)
        .listJudgementDisagreements(ListJudgementDisagreementsRequest.getDefaultInstance());
    assertEquals(expected(), sorted(answer.getDisagreementsList().stream().map(JudgementDisagreement::getCode)
        .toList()));
    assertEquals(judgedBothWays, answer.getJudgedBothWays());
    JudgementDisagreement first = answer.getDisagreements(0);
    IndicatorReport source = differing.stream().filter(r -> r.getIndicator().getId().equals(first.getCode()))
        .findFirst().orElseThrow();
    assertEquals(source.getRecordedJudgement().getReason(), first.getRecorded().getReason());
    assertEquals(source.getComputedJudgement().getExplanation(), first.getComputed().getExplanation());

    JsonNode json = OpenDataTest.json(server, "/api/v1/judgement-disagreements");
    List<String> codes = new ArrayList<>();
    json.get("disagreements").forEach(d -> codes.add(d.get("code").asString()));
    assertEquals(expected(), sorted(codes));

    Document page = Jsoup.parse(Http.get(server.getURI(), "/judgements/disagreements").body());
    assertEquals(expected(), sorted(page.select("[data-test=disagreement]").eachAttr("data-code")));
    assertEquals(Integer.toString(differing.size()), page.selectFirst("[data-test=count]").text());
    var pdf = Http.bytes(server.getURI(), "/judgements/disagreements.pdf");
    assertEquals(200, pdf.statusCode());
    assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

    Document pack = Jsoup.parse(Http.get(server.getURI(), "/reports/review-pack").body());
    assertEquals(expected(), sorted(pack.select("[data-test=disagreements] [data-test=disagreement]")
        .eachAttr("data-code")));
  }

  @Test
  void oneThemeGroupsAloneAndABadOneRefused() {
    IndicatorReport one = differing.stream().filter(r -> !r.getIndicator().getThemeGroup().isEmpty()).findFirst()
        .orElseThrow();
    String group = one.getIndicator().getThemeGroup();
    JsonNode json = OpenDataTest.json(server, "/api/v1/judgement-disagreements?theme-group="
        + group.substring("bodies/".length()));
    List<String> codes = new ArrayList<>();
    json.get("disagreements").forEach(d -> codes.add(d.get("code").asString()));
    assertEquals(sorted(differing.stream().filter(r -> r.getIndicator().getThemeGroup().equals(group))
        .map(r -> r.getIndicator().getId()).toList()), sorted(codes));

    var bad = Http.get(server.getURI(), "/api/v1/judgement-disagreements?theme-group=Not%20A%20Group");
    assertEquals(400, bad.statusCode());
    JsonNode problem = OpenDataTest.JSON.readTree(bad.body());
    assertEquals("theme-group", problem.get("violations").get(0).get("field").asString(), bad.body());

    StatusRuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
        () -> ReportingServiceGrpc.newBlockingStub(grpc).listJudgementDisagreements(ListJudgementDisagreementsRequest
            .newBuilder().setThemeGroup("community safety").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
    assertTrue(refused.getStatus().getDescription().contains("theme_group"), refused.getStatus().getDescription());
  }
}
