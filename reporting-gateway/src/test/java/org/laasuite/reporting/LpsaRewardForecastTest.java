package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.type.Decimal;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.funding.v1.CreateLpsaTargetRequest;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.funding.v1.LpsaTarget;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.reporting.v1.GetLpsaRewardForecastRequest;
import org.laasuite.reporting.v1.LpsaRewardForecast;
import org.laasuite.reporting.v1.LpsaTargetForecast;
import org.laasuite.reporting.v1.ReportingServiceGrpc;
import org.laasuite.testkit.TestIssuer;
import tools.jackson.databind.JsonNode;

/**
 * The LPSA reward forecast on the demo data: the gRPC answer, the JSON and the page (and its PDF) agree, target by
 * target, with the stretch targets transcribed in lpsa-targets.csv and their indicators' latest outturns; the papers
 * record no reward grant, so none is computable and nothing is totalled. A target given a grant and an expected figure
 * is then computed alike in all three.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LpsaRewardForecastTest implements TestPropertyProvider {

  @Inject
  EmbeddedServer server;
  @Inject
  ApplicationContext context;

  private ManagedChannel grpc;
  private List<String> demoIds;
  private final Map<String, IndicatorReport> reports = new HashMap<>();

  @Override
  public Map<String, String> getProperties() {
    return RunningSuite.get().gatewayProperties("20s");
  }

  @BeforeAll
  void readTheDemo() throws Exception {
    try (Reader in = Files.newBufferedReader(RunningSuite.root().resolve("data/coventry-2007-08/lpsa-targets.csv"))) {
      demoIds = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords()
          .stream().map(r -> r.get("id")).sorted().toList();
    }
    var indicators = RunningSuite.get().indicators.channel();
    try {
      IndicatorServiceGrpc.newBlockingStub(indicators).withCallCredentials(TestIssuer.as(TestIssuer.ADMIN))
          .listIndicatorReports(ListIndicatorReportsRequest.newBuilder().setPageSize(500).build()).getReportsList()
          .forEach(r -> reports.put(r.getIndicator().getName(), r));
    } finally {
      indicators.shutdownNow();
    }
    int port = context.getProperty("grpc.server.port", Integer.class).orElseThrow();
    grpc = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  @AfterAll
  void close() {
    grpc.shutdownNow();
  }

  private LpsaRewardForecast answer() {
    return ReportingServiceGrpc.newBlockingStub(grpc).getLpsaRewardForecast(GetLpsaRewardForecastRequest
        .getDefaultInstance());
  }

  /** That the JSON and the page say what the gRPC answer says, target by target. */
  private void assertTheJsonAndThePageAgree(LpsaRewardForecast answer) {
    JsonNode json = OpenDataTest.json(server, "/api/v1/lpsa-reward-forecast");
    assertEquals(answer.getComputable(), json.get("computable").asInt());
    assertEquals(answer.getTotalPayable().getUnits(), Long.parseLong(json.get("totalPayable").get("units")
        .asString()));
    List<String> explanations = new ArrayList<>();
    json.get("targets").forEach(t -> explanations.add(t.get("target").get("id").asString() + ": "
        + t.get("explanation").asString()));
    List<String> expected = answer.getTargetsList().stream().map(t -> t.getTarget().getId() + ": "
        + t.getExplanation()).toList();
    assertEquals(expected, explanations);

    Document page = Jsoup.parse(Http.get(server.getURI(), "/funding/lpsa").body());
    List<String> shown = new ArrayList<>();
    for (Element row : page.select("[data-test=target]")) {
      shown.add(row.attr("data-id") + ": " + row.selectFirst("[data-test=explanation] span").text());
    }
    assertEquals(expected, shown);
    assertEquals(Integer.toString(answer.getComputable()), page.selectFirst("[data-test=computable]").text());
    assertEquals(org.laasuite.reporting.render.Fmt.INSTANCE.money(answer.getTotalPayable()),
        page.selectFirst("[data-test=total-payable]").text());
    for (LpsaTargetForecast t : answer.getTargetsList()) {
      Element row = page.selectFirst("[data-test=target][data-id=" + t.getTarget().getId() + "]");
      assertEquals(t.getComputable() ? org.laasuite.reporting.render.Fmt.INSTANCE.money(t.getReward().getPayable())
          : "–", row.selectFirst("[data-test=payable]").text());
    }
  }

  @Test
  void theGrpcAnswerTheJsonAndThePageAgreeOnTheDemoAndAGrantedTargetIsComputedAlike() throws Exception {
    LpsaRewardForecast demo = answer();
    assertEquals(List.of(), demo.getUnavailableList());
    assertEquals(demoIds, demo.getTargetsList().stream().map(t -> t.getTarget().getId()).sorted().toList());
    assertEquals(0, demo.getComputable(), "the papers record no reward grant");
    assertEquals(Moneys.gbp(0), demo.getTotalPayable());
    for (LpsaTargetForecast t : demo.getTargetsList()) {
      assertFalse(t.getComputable());
      assertTrue(t.getExplanation().startsWith("Not computable: the reward grant is not recorded in the papers; "
          + "the performance expected without the stretch is not recorded in the papers"), t.getExplanation());
      IndicatorReport r = reports.get(t.getTarget().getIndicator());
      assertEquals(r.getIndicator().getId(), t.getCode());
      assertEquals(r.getComputedJudgement().getOutturn(), t.getOutturn(), t.getTarget().getId());
      assertEquals(r.getComputedJudgement().getOutturn().getValue().isEmpty(),
          t.getExplanation().endsWith("; there is no outturn yet."), t.getTarget().getId());
    }
    assertTheJsonAndThePageAgree(demo);
    Document dashboard = Jsoup.parse(Http.get(server.getURI(), "/").body());
    assertEquals("/funding/lpsa", dashboard.selectFirst("[data-test=lpsa-link]").attr("href"));
    var pdf = Http.bytes(server.getURI(), "/funding/lpsa.pdf");
    assertEquals(200, pdf.statusCode());
    assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

    // One target given a grant and an expected figure (test figures, not the papers'): 6 of a stretch of 8 achieved.
    LpsaTargetForecast withOutturn = demo.getTargetsList().stream().filter(LpsaTargetForecast::hasOutturn)
        .findFirst().orElseThrow();
    BigDecimal outturn = new BigDecimal(withOutturn.getOutturn().getValue());
    var funding = RunningSuite.get().funding.channel();
    try {
      FundingServiceGrpc.newBlockingStub(funding).withCallCredentials(TestIssuer.as(TestIssuer.ADMIN))
          .createLpsaTarget(CreateLpsaTargetRequest.newBuilder().setLpsaTarget(LpsaTarget.newBuilder()
              .setId("t-forecast").setIndicator(withOutturn.getTarget().getIndicator()).setLpsaTarget("Test target")
              .setRewardGrant(Moneys.gbp(100_000_00L))
              .setExpectedWithoutStretch(dec(outturn.subtract(BigDecimal.valueOf(6))))
              .setStretchTarget(dec(outturn.add(BigDecimal.valueOf(2))))).build());
    } finally {
      funding.shutdownNow();
    }
    LpsaRewardForecast granted = answer();
    assertEquals(1, granted.getComputable());
    assertEquals(Moneys.gbp(75_000_00L), granted.getTotalPayable());
    LpsaTargetForecast t = granted.getTargetsList().stream().filter(f -> f.getTarget().getId().equals("t-forecast"))
        .findFirst().orElseThrow();
    assertTrue(t.getComputable());
    assertTrue(t.getExplanation().contains("75%"), t.getExplanation());
    assertTheJsonAndThePageAgree(granted);
  }

  private static Decimal dec(BigDecimal n) {
    return Decimal.newBuilder().setValue(n.toPlainString()).build();
  }
}
