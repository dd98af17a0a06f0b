package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.common.grpc.Protos;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.funding.v1.ListSuccessionRisksRequest;
import org.laasuite.reporting.v1.ExitCandidate;
import org.laasuite.reporting.v1.ExitPlan;
import org.laasuite.reporting.v1.GetExitPlanRequest;
import org.laasuite.reporting.v1.ReportingServiceGrpc;
import org.laasuite.testkit.TestIssuer;
import tools.jackson.databind.JsonNode;

/**
 * Exit planning on the demo data (seed 003: the Secretariat's NRF-funded posts end in March 2008): from 22 August
 * 2007, twelve months ahead lists the commitments the funding service says end by then, the Secretariat's four posts
 * among them, ranked the same by gRPC, JSON and the page; six months ahead, March 2008 is beyond; a horizon that is no
 * number of months is refused, naming it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExitPlanningTest implements TestPropertyProvider {

  private static final LocalDate AS_OF = LocalDate.of(2007, 8, 22);

  @Inject
  EmbeddedServer server;
  @Inject
  ApplicationContext context;

  private ManagedChannel grpc;

  @Override
  public Map<String, String> getProperties() {
    return RunningSuite.get().gatewayProperties("20s");
  }

  @BeforeAll
  void open() {
    int port = context.getProperty("grpc.server.port", Integer.class).orElseThrow();
    grpc = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  @AfterAll
  void close() {
    grpc.shutdownNow();
  }

  /** What the funding service says ends between AS_OF and {@code before}. */
  private static List<String> ending(LocalDate before) {
    var funding = RunningSuite.get().funding.channel();
    try {
      return FundingServiceGrpc.newBlockingStub(funding).withCallCredentials(TestIssuer.as(TestIssuer.ADMIN))
          .listSuccessionRisks(ListSuccessionRisksRequest.newBuilder().setEndsBefore(Protos.date(before))
              .setPageSize(500).build()).getCommitmentsList().stream()
          .filter(c -> !LocalDate.of(c.getEndDate().getYear(), c.getEndDate().getMonth(), c.getEndDate().getDay())
              .isBefore(AS_OF)).map(c -> c.getName()).sorted().toList();
    } finally {
      funding.shutdownNow();
    }
  }

  @Test
  void twelveMonthsAheadTheSecretariatsPostsAreRankedAlikeEverywhere() {
    ExitPlan plan = ReportingServiceGrpc.newBlockingStub(grpc).getExitPlan(GetExitPlanRequest.newBuilder()
        .setAsOf(Protos.date(AS_OF)).setHorizonMonths(12).build());
    List<String> names = plan.getCandidatesList().stream().map(c -> c.getCommitment().getName()).toList();
    assertEquals(ending(AS_OF.plusMonths(12)), names.stream().sorted().toList());
    assertTrue(names.contains("commitments/partnership-support-officers")
        && names.contains("commitments/communications-officer"), names.toString());
    assertTrue(names.indexOf("commitments/partnership-support-officers")
        < names.indexOf("commitments/communications-officer"), "three posts before one, supporting the same");
    ExitCandidate officers = plan.getCandidatesList().stream().filter(c -> c.getCommitment().getName()
        .equals("commitments/partnership-support-officers")).findFirst().orElseThrow();
    assertTrue(officers.getThroughBodies(), "the Secretariat's: every indicator of the agreement it serves");
    assertTrue(officers.getIndicatorsCount() > 0);
    assertTrue(officers.getReason().startsWith("supports "), officers.getReason());

    JsonNode json = OpenDataTest.json(server, "/api/v1/exit-plan?as-of=2007-08-22&horizon=12");
    List<String> jsonNames = new ArrayList<>();
    json.get("candidates").forEach(c -> jsonNames.add(c.get("commitment").get("name").asString()));
    assertEquals(names, jsonNames);

    Document page = Jsoup.parse(Http.get(server.getURI(), "/exit-planning?as-of=2007-08-22&horizon=12").body());
    assertEquals(names, page.select("[data-test=candidate]").eachAttr("data-commitment"));
    assertEquals(names.stream().map(n -> "/" + n).toList(), page.select("[data-test=candidate] a[data-test=commitment-link]")
        .eachAttr("href"), "each commitment links to its page");
    assertEquals("2008-08-22", page.selectFirst("[data-test=ends-before]").text());
    assertEquals(Integer.toString(plan.getPostsAtRisk()), page.selectFirst("[data-test=posts]").text());
    var pdf = Http.bytes(server.getURI(), "/exit-planning.pdf?as-of=2007-08-22&horizon=12");
    assertEquals(200, pdf.statusCode());
    assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void sixMonthsAheadMarch2008IsBeyondAndABadHorizonIsRefused() {
    Document page = Jsoup.parse(Http.get(server.getURI(), "/exit-planning?as-of=2007-08-22&horizon=6").body());
    assertTrue(page.select("[data-commitment=commitments/partnership-support-officers]").isEmpty());
    assertEquals(ending(AS_OF.plusMonths(6)).size(), page.select("[data-test=candidate]").size());

    var bad = Http.get(server.getURI(), "/api/v1/exit-plan?horizon=a%20year");
    assertEquals(400, bad.statusCode());
    assertEquals("horizon", OpenDataTest.JSON.readTree(bad.body()).get("violations").get(0).get("field").asString());
    StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> ReportingServiceGrpc
        .newBlockingStub(grpc).getExitPlan(GetExitPlanRequest.newBuilder().setHorizonMonths(61).build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
    assertTrue(refused.getStatus().getDescription().contains("horizon_months"));
  }
}
