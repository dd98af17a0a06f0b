package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import com.google.type.Date;
import io.grpc.ManagedChannel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.CommitmentKind;
import org.laasuite.funding.v1.CreateCommitmentRequest;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.partnership.v1.CreateRiskRequest;
import org.laasuite.partnership.v1.ImportPartnershipRequest;
import org.laasuite.partnership.v1.ListRisksRequest;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.partnership.v1.Risk;
import org.laasuite.testkit.TestIssuer;
import org.yaml.snakeyaml.Yaml;

/**
 * The improvement plans and the risk register on the web, from the real suite: Warwickshire's plan and the CAA's areas
 * for improvement (data/warwickshire-2009/partnership.yaml) with their statuses, the register's heat map, the risks
 * the data raises for review, and the secretariat's forms (Helen Shankster, a member of the Coventry secretariat),
 * refused to those without the right to manage meetings (Sara Roach).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanPagesTest {

  private static final String PLAN = "/improvement-plans/warwickshire-together-improvement-plan-2009";
  private static final String CAA = "/improvement-plans/caa-areas-for-improvement";
  /** The demo's day (bin/laa's and the tests' laa.work.as-of). */
  private static final LocalDate AS_OF = LocalDate.of(2007, 8, 22);

  private EmbeddedServer gateway;

  @BeforeAll
  void start() throws Exception {
    gateway = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(RunningSuite.get().gatewayProperties("20s")));
    // Each partnership runs its own instance; the suite the tests share holds Coventry's. Warwickshire's plans alone
    // (its plan and the CAA's areas for improvement, as its file words them) are loaded into it, through the import.
    Map<String, Object> warwickshire = new Yaml().load(Files.readString(RunningSuite.root()
        .resolve("data/warwickshire-2009/partnership.yaml")));
    Map<String, Object> plans = new LinkedHashMap<>();
    for (String key : List.of("partnership", "improvement_plans", "caa_areas_for_improvement")) {
      plans.put(key, warwickshire.get(key));
    }
    var imported = partnership(TestIssuer.ADMIN).importPartnership(ImportPartnershipRequest.newBuilder()
        .setContent(ByteString.copyFromUtf8(new Yaml().dump(plans))).setFileName("warwickshire-plans.yaml").build());
    assertEquals(List.of(), imported.getProblemsList());
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  private URI base() {
    return gateway.getURI();
  }

  private final Map<String, ManagedChannel> channels = new HashMap<>();

  private PartnershipServiceGrpc.PartnershipServiceBlockingStub partnership(String subject) {
    var channel = channels.computeIfAbsent("partnership", k -> RunningSuite.get().partnership.channel());
    return PartnershipServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as(subject));
  }

  @AfterAll
  void closeChannels() {
    channels.values().forEach(ManagedChannel::shutdownNow);
  }

  private Document page(String path) {
    var response = Http.get(base(), path, "text/html");
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return Jsoup.parse(response.body());
  }

  private static Element item(Document page, String ref) {
    Element item = page.selectFirst("[data-test=item][data-ref=\"" + ref + "\"]");
    assertNotNull(item, ref + " on " + page.title());
    return item;
  }

  /** The plan's row on the list of plans. */
  private Element listed(String plan) {
    Document list = page("/improvement-plans");
    assertFalse(list.select("header nav a[href=/improvement-plans]").isEmpty(), "the site's navigation");
    Element row = list.selectFirst("[data-plan=" + plan + "]");
    assertNotNull(row, list.text());
    return row;
  }

  @Test
  void warwickshiresPlanListsItsItemsAreaByAreaWithTimescalesOwnersAndStatuses() {
    assertEquals("14", listed("warwickshire-together-improvement-plan-2009").selectFirst("[data-test=item-count]")
        .text());

    Document page = page(PLAN);
    assertEquals(List.of("A", "B", "C", "D", "E", "F"), page.select("[data-test=area]").eachAttr("data-area"));
    assertEquals(List.of("A1", "A2", "B1", "B2", "C1", "C2", "C3", "D1", "D2", "E1", "E2", "F1", "F2", "F3"),
        page.select("[data-test=item]").eachAttr("data-ref"));
    Element d1 = item(page, "D1");
    assertEquals("November 2009", d1.selectFirst("[data-test=timescale]").text());
    assertEquals("Governance Review Sub-Group", d1.selectFirst("[data-test=owner]").text());
    // The plan prints no status: each item says so, on a grey badge.
    Element a1 = item(page, "A1");
    assertEquals("Delivering Agreed Priorities", a1.selectFirst("[data-test=improvement]").text());
    assertEquals("no status", a1.selectFirst("[data-test=status]").text());
    assertTrue(a1.selectFirst("[data-test=status]").hasClass("none"));
    assertEquals("4 th November – onwards (CAA Coordinating Group)", item(page, "F1")
        .selectFirst("[data-test=timescale]").text());
    assertTrue(page.select("[data-test=item-form]").isEmpty(), "no form for an anonymous reader");
  }

  @Test
  void theCaaAreasForImprovementAreListedNotAlreadyUnderway() {
    Element caa = listed("caa-areas-for-improvement");
    assertEquals("20", caa.selectFirst("[data-test=item-count]").text());
    assertEquals("20", caa.selectFirst("[data-status=\"Not already underway\"] b").text());

    Document page = page(CAA);
    assertEquals("Appendix 1: Summary of CAA Issues and Areas for Improvement", page.selectFirst("[data-test=title]")
        .text());
    assertEquals(20, page.select("[data-test=item]").size());
    assertEquals(List.of("Not already underway"), page.select("[data-test=item] [data-test=status]").eachText()
        .stream().distinct().toList());
    assertTrue(page.select("[data-test=item] [data-test=status]").stream().allMatch(s -> s.hasClass("red")));
    Element bus = item(page, "line 96 (2)");
    assertEquals("The main area for improvement in Warwickshire's bus services is punctuality.",
        bus.selectFirst("[data-test=improvement]").text());
  }

  @Test
  void thePlanPrintsAsPdf() throws Exception {
    var response = Http.bytes(base(), PLAN + "/plan.pdf");
    assertEquals(200, response.statusCode());
    assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertTrue(text.contains("Addressing Partnership Effectiveness"), text);
      assertTrue(text.contains("Governance Review Sub-Group"), text);
    }
  }

  @Test
  void theSecretariatChangesAnItemsStatusWithADatedProgressNoteAndOthersAreRefused() {
    WebVisitor helen = WebVisitor.signedIn(base(), "people/helen-shankster");
    Document page = helen.page(PLAN);
    Element d2 = item(page, "D2");
    assertEquals("no status", d2.selectFirst("[data-test=status]").text());
    String form = "[data-test=item][data-ref=D2] form[data-test=item-form]";
    assertNotNull(page.selectFirst(form), "the secretariat's form on each item");

    // A date that is not one is refused beside its input, and nothing is written.
    var bad = helen.send(page, form, Map.of("status", "On track", "note-date", "30/11/2009", "note", "x"), null);
    assertEquals(400, bad.statusCode(), bad.body());
    Document shown = Jsoup.parse(bad.body());
    assertNotNull(shown.selectFirst("[data-test=item][data-ref=D2] [data-error-for=note-date]"), bad.body());
    assertEquals("30/11/2009", shown.selectFirst("[data-test=item][data-ref=D2] [name=note-date]").val(),
        "what was typed is kept");
    assertEquals("no status", item(page(PLAN), "D2").selectFirst("[data-test=status]").text());

    var sent = helen.send(page, form, Map.of("status", "On track", "note-date", "2009-12-01",
        "note", "Risk register updated and owned by the PSB"), null);
    assertEquals(303, sent.statusCode(), sent.body());
    Element now = item(page(PLAN), "D2");
    assertEquals("On track", now.selectFirst("[data-test=status]").text());
    assertTrue(now.selectFirst("[data-test=status]").hasClass("green"));
    assertEquals(List.of("2009-12-01: Risk register updated and owned by the PSB (Helen Shankster)"),
        now.select("[data-test=progress-note]").eachText());

    // Sara Roach, an advisor of a theme group, is offered no form and refused when she sends one.
    WebVisitor sara = WebVisitor.signedIn(base(), "people/sara-roach");
    Document hers = sara.page(PLAN);
    assertTrue(hers.select("[data-test=item-form]").isEmpty());
    var refused = sara.post(PLAN + "/items/" + d2.attr("data-name").replaceAll(".*/", ""), Map.of("csrfToken",
        hers.selectFirst("header [name=csrfToken]").val(), "status", "Complete", "was-status", "On track",
        "note", "", "request-id", java.util.UUID.randomUUID().toString()));
    assertEquals(403, refused.statusCode(), refused.body());
    assertEquals("On track", item(page(PLAN), "D2").selectFirst("[data-test=status]").text());
  }

  @Test
  void theHeatMapCountsTheRisksInEachCellAndTheRegisterIsSortedByScore() {
    var admin = partnership(TestIssuer.ADMIN);
    for (var r : List.of(risk("plan-pages-a", "PP-A", 4, 3), risk("plan-pages-b", "PP-B", 4, 3),
        risk("plan-pages-c", "PP-C", 2, 5), risk("plan-pages-d", "PP-D", 5, 5))) {
      admin.createRisk(CreateRiskRequest.newBuilder().setRisk(r).build());
    }
    List<Risk> register = admin.listRisks(ListRisksRequest.newBuilder().setPageSize(500).build()).getRisksList();
    Document page = page("/risks");
    Element map = page.selectFirst("[data-test=heat-map]");
    int total = 0;
    for (int l = 1; l <= 5; l++) {
      for (int i = 1; i <= 5; i++) {
        int likelihood = l;
        int impact = i;
        long expected = register.stream().filter(r -> r.getLikelihoodScore() == likelihood
            && r.getImpactScore() == impact).count();
        Element cell = map.selectFirst("tr[data-likelihood=" + l + "] td[data-impact=" + i + "]");
        assertEquals(String.valueOf(expected), cell.attr("data-count"), "likelihood " + l + ", impact " + i);
        total += (int) expected;
      }
    }
    assertEquals(register.stream().filter(r -> r.getScore() > 0).count(), total);
    Element cell = map.selectFirst("tr[data-likelihood=4] td[data-impact=3]");
    assertTrue(cell.text().contains("PP-A") && cell.text().contains("PP-B"), cell.text());
    assertTrue(cell.hasClass("medium"), "12 is a medium score");
    assertTrue(map.selectFirst("tr[data-likelihood=5] td[data-impact=5]").hasClass("high"));
    List<Integer> scores = page.select("[data-test=risk]").eachAttr("data-score").stream().map(Integer::parseInt)
        .filter(s -> s > 0).toList();
    assertEquals(scores.stream().sorted(java.util.Comparator.reverseOrder()).toList(), scores, "highest first");
    assertEquals("5 × 5 = 25", page.selectFirst("[data-test=risk][data-id=plan-pages-d] [data-test=score]").text());
  }

  private static Risk risk(String id, String ref, int likelihood, int impact) {
    return Risk.newBuilder().setId(id).setRef(ref).setRisk("Heat map test risk " + ref).setOwner("Secretariat")
        .setLikelihoodScore(likelihood).setImpactScore(impact).build();
  }

  @Test
  void aCommitmentEndingWithinSixMonthsThatSupportsARedIndicatorIsRaisedUntilTheSecretariatAddsIt() {
    // No demo commitment that supports an indicator ends within six months: one is made here, for a red indicator,
    // ending in December 2007.
    var indicators = RunningSuite.get().indicators.channel();
    var funding = RunningSuite.get().funding.channel();
    String red;
    try {
      red = IndicatorServiceGrpc.newBlockingStub(indicators).withCallCredentials(TestIssuer.admin())
          .listIndicatorReports(ListIndicatorReportsRequest.newBuilder().setPageSize(500).setReadMask(FieldMask
              .newBuilder().addPaths("indicator").addPaths("computed_judgement")).build()).getReportsList().stream()
          .filter(r -> r.getComputedJudgement().getRating() == Rating.RATING_RED).map(IndicatorReport::getIndicator)
          .map(i -> i.getId()).reduce((a, b) -> b).orElseThrow();
      FundingServiceGrpc.newBlockingStub(funding).withCallCredentials(TestIssuer.admin()).createCommitment(
          CreateCommitmentRequest.newBuilder().setCommitment(Commitment.newBuilder().setId("plan-pages-red")
              .setTitle("Plan pages test post").setKind(CommitmentKind.COMMITMENT_KIND_POST).setProgramme("NRF")
              .setEndDate(Date.newBuilder().setYear(2007).setMonth(12).setDay(31))
              .addSupportsIndicators("indicators/" + red)).build());
    } finally {
      indicators.shutdownNow();
      funding.shutdownNow();
    }
    // Six months from the demo's day (2007-08-22) reach 2008-02-22: raised, its red indicator linked to its card.
    Document page = page("/risks");
    assertEquals(AS_OF.toString(), page.selectFirst("[data-test=as-of]").text());
    Element raised = page.selectFirst("[data-test=raised-commitment][data-commitment=plan-pages-red]");
    assertNotNull(raised, page.select("[data-test=raised]").text());
    assertEquals("2007-12-31", raised.selectFirst("[data-test=ends]").text());
    assertEquals(1, raised.select("a[href=/report-cards/" + red + "]").size());
    assertTrue(raised.select("form").isEmpty(), "no button for an anonymous reader");
    // Six months from 1 January 2007 end on 1 July 2007: not raised then.
    assertTrue(page("/risks?as-of=2007-01-01").select("[data-commitment=plan-pages-red]").isEmpty());

    // Someone without the right to manage meetings sees no button and is refused.
    WebVisitor sara = WebVisitor.signedIn(base(), "people/sara-roach");
    Document hers = sara.page("/risks");
    assertTrue(hers.select("[data-test=add-to-register]").isEmpty());
    var refused = sara.post("/risks/raised", Map.of("csrfToken", hers.selectFirst("header [name=csrfToken]").val(),
        "commitment", "commitments/plan-pages-red", "request-id", java.util.UUID.randomUUID().toString()));
    assertEquals(403, refused.statusCode(), refused.body());

    WebVisitor helen = WebVisitor.signedIn(base(), "people/helen-shankster");
    Document mine = helen.page("/risks");
    String button = "[data-commitment=plan-pages-red] form[data-test=add-to-register]";
    assertNotNull(mine.selectFirst(button), mine.select("[data-test=raised]").html());
    var added = helen.send(mine, button, Map.of(), null);
    assertEquals(303, added.statusCode(), added.body());
    Document after = page("/risks");
    assertTrue(after.select("[data-commitment=plan-pages-red]").isEmpty(), "in the register, no longer raised");
    Element risk = after.selectFirst("[data-test=risk][data-id=funding-ends-plan-pages-red]");
    assertNotNull(risk, after.select("[data-test=register]").text());
    // Ends more than three months after the day: likely (4); one red indicator: major (4).
    assertEquals("4 × 4 = 16", risk.selectFirst("[data-test=score]").text());
    assertTrue(risk.text().contains(red), risk.text());
    // The same button pressed again (a second tab, a retry) adds nothing.
    var again = helen.send(mine, button, Map.of(), null);
    assertEquals(303, again.statusCode());
    assertEquals(1, page("/risks").select("[data-test=risk][data-id=funding-ends-plan-pages-red]").size());
  }

  @Test
  void anUnknownPlanIsA404AndABadAsOfA400() {
    assertEquals(404, Http.get(base(), "/improvement-plans/no-such-plan", "text/html").statusCode());
    assertEquals(404, Http.get(base(), "/improvement-plans/NO%20SUCH", "text/html").statusCode());
    assertEquals(400, Http.get(base(), "/risks?as-of=yesterday", "text/html").statusCode());
  }
}
