package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.common.grpc.ProtoEnums;
import org.laasuite.indicators.v1.CreateIndicatorRequest;
import org.laasuite.indicators.v1.DeleteIndicatorRequest;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListIndicatorsRequest;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.reporting.assembly.Blocks;
import org.laasuite.reporting.v1.BlockSummary;
import org.laasuite.reporting.v1.GetBlockSummaryRequest;
import org.laasuite.reporting.v1.GetReportCardRequest;
import org.laasuite.reporting.v1.PerformanceReport;
import org.laasuite.reporting.v1.ReportCard;
import org.laasuite.reporting.v1.ReportingServiceGrpc;
import org.laasuite.testkit.GrpcErrors;
import org.laasuite.testkit.HostileRequests;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.type.v1.LaaBlock;
import org.yaml.snakeyaml.Yaml;

/** The gateway over the three real services holding the Coventry demo data. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayTest implements TestPropertyProvider {

  @Inject
  EmbeddedServer server;
  @Inject
  MeterRegistry metrics;
  @Inject
  ApplicationContext context;

  private ManagedChannel grpc;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(RunningSuite.get().gatewayProperties());
    // Generous for a loaded CI machine; the degradation test holds the gateway to a short one.
    p.put("laa.reporting.deadline", "20s");
    return p;
  }

  @AfterAll
  void closeChannel() {
    if (grpc != null) {
      grpc.shutdownNow();
    }
  }

  private URI base() {
    return server.getURI();
  }

  private static <T extends com.google.protobuf.Message.Builder> T parse(String json, T builder) throws IOException {
    JsonFormat.parser().merge(json, builder);
    return builder;
  }

  private ReportingServiceGrpc.ReportingServiceBlockingStub reporting() {
    if (grpc == null) {
      int port = context.getProperty("grpc.server.port", Integer.class).orElseThrow();
      grpc = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }
    return ReportingServiceGrpc.newBlockingStub(grpc);
  }

  /**
   * Management has its own port, the one the chart's probes and ServiceMonitor use: the page port, which an
   * Ingress publishes, answers 404 for /health and /prometheus, and the management port serves no pages.
   */
  @Test
  void healthAndMetricsAreServedOnlyOnTheManagementPort() {
    URI management = RunningSuite.management(context);
    assertTrue(management.getPort() != base().getPort(), "two ports");
    for (String path : List.of("/health", "/health/readiness", "/health/liveness", "/prometheus")) {
      assertEquals(404, Http.get(base(), path).statusCode(), "the page port does not serve " + path);
      var answer = Http.get(management, path);
      assertEquals(200, answer.statusCode(), path + ": " + answer.body());
    }
    assertTrue(Http.get(management, "/prometheus").body().contains("# TYPE "), "metrics in Prometheus' format");
    for (String path : List.of("/", "/api/v1/reports/quarterly", "/openapi")) {
      assertEquals(404, Http.get(management, path).statusCode(), "the management port does not serve " + path);
    }
  }

  /** One public page says who may do what and why, from the governance data; every page links to it. */
  @Test
  void oneOfThePagesSaysWhoMayDoWhatAndWhy() {
    var page = Http.get(base(), "/rights");
    assertEquals(200, page.statusCode(), page.body());
    var doc = org.jsoup.Jsoup.parse(page.body());
    var sara = doc.select("[data-test=rights] tr[data-person=people/sara-roach]").eachText();
    assertTrue(sara.getFirst().startsWith("Sara Roach "), "her name once, on her first right: " + sara);
    assertTrue(sara.contains("Enter figures bodies/community-safety-partnership Advisor of Community Safety "
        + "Partnership"), sara.toString());
    var phil = doc.select("[data-test=rights] tr[data-person=people/phil-helm]").eachText();
    assertTrue(phil.contains("Manage funding the partnership Finance Manager, Finance & ICT at Coventry City Council, "
        + "the accountable body"), phil.toString());
    assertTrue(Http.get(base(), "/").body().contains("<a href=\"/rights\">Who may do what</a>"), "linked from every page");
  }

  /** The JSON API is public, and a token it is sent is checked as the services check it. */
  @Test
  void theJsonApiReadsWithoutATokenAndRefusesABadOneSayingWhy() {
    assertEquals(200, Http.get(base(), "/api/v1/report-cards/CYP-28").statusCode(), "public");
    assertEquals(200, Http.authorized(base(), "/api/v1/report-cards/CYP-28", "Bearer "
        + TestIssuer.token("people/anyone")).statusCode(), "signed in");
    var expired = Http.authorized(base(), "/api/v1/report-cards/CYP-28", "Bearer "
        + TestIssuer.get().mint("people/anyone", Map.of(), java.time.Duration.ofMinutes(-5)));
    assertEquals(401, expired.statusCode());
    assertTrue(expired.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    assertTrue(expired.body().contains("\"reason\":\"TOKEN_EXPIRED\""), expired.body());
    assertEquals("Bearer error=\"invalid_token\", error_description=\"the token has expired\"",
        expired.headers().firstValue("WWW-Authenticate").orElse(""));
    assertEquals(401, Http.authorized(base(), "/api/v1/report-cards/CYP-28", "Basic dXNlcjpwYXNz").statusCode());
  }

  @Test
  void theFourBlocksCountsAddUpToTheIndicatorsLoaded() throws Exception {
    var channel = RunningSuite.get().indicators.adminChannel();
    int loaded;
    try {
      loaded = IndicatorServiceGrpc.newBlockingStub(channel).listIndicators(ListIndicatorsRequest.newBuilder()
          .setPageSize(1).build()).getTotalSize();
    } finally {
      channel.shutdownNow();
    }
    var response = Http.get(base(), "/api/v1/reports/quarterly");
    assertEquals(200, response.statusCode(), response.body());
    PerformanceReport report = parse(response.body(), PerformanceReport.newBuilder()).build();
    assertEquals(155, loaded);
    assertEquals(4, report.getBlocksCount());
    assertEquals(loaded, report.getBlocksList().stream().mapToInt(b -> b.getJudgements().getTotal()).sum());
    assertEquals(loaded, report.getJudgements().getTotal());
    for (BlockSummary b : report.getBlocksList()) {
      var c = b.getJudgements();
      assertEquals(c.getTotal(), c.getRed() + c.getAmber() + c.getGreen() + c.getNotJudged(), b.getTitle());
      assertEquals(c.getTotal(), b.getIndicatorsCount(), b.getTitle());
      assertEquals(c.getRed() + c.getAmber(), b.getExceptionsCount(), b.getTitle());
    }
    assertEquals(List.of(), report.getUnavailableList());
  }

  @Test
  void aBlockSummaryMakesOneCallToEachServiceWhateverItsSize() {
    Map<String, Double> before = callsByService();
    var response = Http.get(base(), "/api/v1/blocks/children-and-young-people");
    assertEquals(200, response.statusCode(), response.body());
    Map<String, Double> after = callsByService();
    assertEquals(Map.of("laa.indicators.v1.IndicatorService", 1.0, "laa.funding.v1.FundingService", 1.0,
        "laa.partnership.v1.PartnershipService", 1.0), delta(before, after));

    before = callsByService();
    assertEquals(200, Http.get(base(), "/reports/quarterly").statusCode());
    assertEquals(3.0, delta(before, callsByService()).values().stream().mapToDouble(Double::doubleValue).sum(),
        "all four blocks, 155 indicators: still three calls");

    before = callsByService();
    assertEquals(200, Http.get(base(), "/report-cards/SSC-ENV-14").statusCode());
    assertEquals(Map.of("laa.indicators.v1.IndicatorService", 3.0, "laa.funding.v1.FundingService", 2.0,
        "laa.partnership.v1.PartnershipService", 2.0), delta(before, callsByService()),
        "a card: its theme group and its actions in one call, the decisions about it in another; its report and its "
            + "figures' revisions in two, and the curve around its action's meeting once the action is known; its "
            + "commitments, and its block's streams");
  }

  /** The street cleanliness action of April 2007 is on the three cleanliness indicators, and only there. */
  @Test
  void aCardListsTheActionsOnItsIndicatorApartFromItsThemeGroups() throws Exception {
    ReportCard street = parse(Http.get(base(), "/api/v1/report-cards/SSC-ENV-14").body(), ReportCard.newBuilder())
        .build();
    assertEquals(List.of("Helen to present outcome on street cleanliness to the Operations Group in June"),
        street.getOpenActionsList().stream().map(org.laasuite.partnership.v1.Action::getText).toList());
    String html = Http.get(base(), "/report-cards/SSC-ENV-14").body();
    assertTrue(html.contains("data-test=\"action\">Helen to present outcome on street cleanliness to the Operations "
        + "Group in June (Helen Shankster, in June)<"), html);

    ReportCard neet = parse(Http.get(base(), "/api/v1/report-cards/CYP-28").body(), ReportCard.newBuilder()).build();
    assertEquals(0, neet.getOpenActionsCount());
    assertFalse(neet.getThemeGroup().getOpenActionsList().isEmpty(), "its theme group has open actions");
    String neetHtml = Http.get(base(), "/report-cards/CYP-28").body();
    assertTrue(neetHtml.contains("No open action is recorded on this indicator."));
    assertTrue(neetHtml.contains("Other open actions of its theme group"));

    var pack = parse(Http.get(base(), "/api/v1/reports/review-pack").body(), PerformanceReport.newBuilder()).build();
    for (BlockSummary b : pack.getBlocksList()) {
      for (var line : b.getExceptionsList()) {
        assertTrue(line.getOpenActionsList().stream().allMatch(a -> a.getIndicatorsList().contains(line.getIndicator())),
            line.getCode() + " lists only the actions on it: " + line.getOpenActionsList());
        assertFalse(line.getThemeGroupTitle().isEmpty(), line.getCode() + " names its theme group");
      }
    }
    String packHtml = Http.get(base(), "/reports/review-pack").body();
    assertTrue(packHtml.contains("Children &amp; Young People&#39;s Partnership"), "the theme group by its title");
    assertTrue(packHtml.contains("Open actions of the block's theme groups"), "the groups' own actions, once a block");
    assertTrue(packHtml.contains("to be included in the Cultural Strategy"), packHtml);
  }

  /**
   * Across the real services: deleting an indicator the partnership's actions name is refused naming them
   * and its figures; archiving one (force) keeps its card, marked, and takes it out of its block.
   */
  @Test
  void anIndicatorInUseIsNotDeletedAndAnArchivedOneLeavesItsBlockButKeepsItsCard() throws Exception {
    var channel = RunningSuite.get().indicators.adminChannel();
    try {
      var indicators = IndicatorServiceGrpc.newBlockingStub(channel);
      var refused = GrpcErrors.expect(Status.Code.FAILED_PRECONDITION, () -> indicators.deleteIndicator(
          DeleteIndicatorRequest.newBuilder().setName("indicators/SSC-ENV-14").build()));
      var named = GrpcErrors.preconditionFailure(refused).getViolationsList();
      assertTrue(named.stream().anyMatch(v -> v.getType().equals("FIGURES")
          && v.getSubject().equals("indicators/SSC-ENV-14/outturns")), named.toString());
      assertTrue(named.stream().anyMatch(v -> v.getType().equals("ACTION") && v.getDescription()
          .equals("'Helen to present outcome on street cleanliness to the Operations Group in June' is on it")),
          named.toString());
      assertEquals(200, Http.get(base(), "/report-cards/SSC-ENV-14").statusCode(), "still there");

      indicators.createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder()
          .setId("GW-ARCHIVED").setTitle("Dropped at the refresh").setBlock(LaaBlock.LAA_BLOCK_ECONOMIC_DEVELOPMENT_AND_ENTERPRISE)
          .setPolarity(Polarity.POLARITY_HIGHER_IS_BETTER)).build());
      assertTrue(Http.get(base(), "/blocks/economic-development-and-enterprise").body().contains("GW-ARCHIVED"));
      indicators.deleteIndicator(DeleteIndicatorRequest.newBuilder().setName("indicators/GW-ARCHIVED").setForce(true)
          .build());
      var card = Http.get(base(), "/report-cards/GW-ARCHIVED");
      assertEquals(200, card.statusCode());
      assertTrue(card.body().contains("data-test=\"archived\""), card.body());
      assertTrue(card.body().contains("its figures are kept"), card.body());
      assertFalse(Http.get(base(), "/blocks/economic-development-and-enterprise").body().contains("GW-ARCHIVED"));
    } finally {
      channel.shutdownNow();
    }
  }

  private Map<String, Double> callsByService() {
    Map<String, Double> out = new HashMap<>();
    for (Counter c : metrics.find("grpc.client.requests.sent").counters()) {
      out.merge(c.getId().getTag("service"), c.count(), Double::sum);
    }
    return out;
  }

  private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> out = new HashMap<>();
    after.forEach((k, v) -> {
      double d = v - before.getOrDefault(k, 0.0);
      if (d != 0) {
        out.put(k, d);
      }
    });
    return out;
  }

  /** Annex 3's printed sub-totals, block by block, are what the block summaries show. */
  @Test
  void theBlockSummariesFundingEqualsAnnex3() throws Exception {
    Map<String, long[]> printed = new HashMap<>(); // block -> pooled capital, pooled revenue, aligned capital, aligned revenue
    try (var reader = Files.newBufferedReader(RunningSuite.root().resolve(
        "data/coventry-2007-08/funding-printed-totals.csv"))) {
      for (var row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        if (row.get("block").isEmpty()) {
          continue;
        }
        long[] sums = printed.computeIfAbsent(row.get("block"), k -> new long[4]);
        int at = row.get("arrangement").equals("ALIGNED") ? 2 : 0;
        sums[at] += pounds(row.get("capital_2007_08"));
        sums[at + 1] += pounds(row.get("revenue_2007_08"));
      }
    }
    assertEquals(4, printed.size());
    for (LaaBlock block : Blocks.ALL) {
      var response = Http.get(base(), "/api/v1/blocks/" + Blocks.slug(block) + "?period=2007-08");
      BlockSummary s = parse(response.body(), BlockSummary.newBuilder()).build();
      long[] want = printed.get(ProtoEnums.shortName(block));
      var f = s.getFunding();
      assertEquals(want[0] * 100, pence(f.getPooled().getCapital()), block + " pooled capital");
      assertEquals(want[1] * 100, pence(f.getPooled().getRevenue()), block + " pooled revenue");
      assertEquals(want[2] * 100, pence(f.getAligned().getCapital()), block + " aligned capital");
      assertEquals(want[3] * 100, pence(f.getAligned().getRevenue()), block + " aligned revenue");
    }
    String html = Http.get(base(), "/blocks/children-and-young-people").body();
    assertTrue(html.contains("£17,991,820"), "CYP pooled 6,671,326 + 11,320,494 on the page");
  }

  private static long pence(com.google.type.Money m) {
    return m.getUnits() * 100 + m.getNanos() / 10_000_000;
  }

  private static long pounds(String printed) {
    return Long.parseLong(printed.replace(",", ""));
  }

  @Test
  void theNeetReportCardShowsItsChartJudgementTargetsOutturnsAndNarrative() throws Exception {
    var json = Http.get(base(), "/api/v1/report-cards/CYP-28");
    assertEquals(200, json.statusCode(), json.body());
    ReportCard card = parse(json.body(), ReportCard.newBuilder()).build();
    assertEquals(Rating.RATING_RED, card.getPerformance().getComputedJudgement().getRating());
    assertEquals(Rating.RATING_RED, card.getPerformance().getRecordedJudgement().getRating());
    assertEquals("-0.9", card.getPerformance().getComputedJudgement().getVariance().getValue());
    assertEquals("bodies/children-and-young-peoples-partnership", card.getThemeGroup().getName());
    assertFalse(card.getThemeGroup().getTitle().isEmpty());
    assertEquals(List.of(), card.getUnavailableList());

    String html = Http.get(base(), "/report-cards/CYP-28").body();
    assertTrue(html.contains("<svg"), "the chart");
    assertTrue(html.contains("data-test=\"computed\">Red<"), "red judgement");
    for (String figure : List.of("8.8", "8.1", "7.4", "8.6", "9.70", "11.9")) {
      assertTrue(html.contains(">" + figure + "<"), figure + " on the card");
    }
    assertTrue(html.contains("What we&#39;ve achieved") || html.contains("What we've achieved"));
    assertTrue(html.contains("What next"));
    assertEquals("A key priority for the group is the NEETS and the retention of young people in Year 12",
        card.getPerformance().getNarrative().getNextSteps(), "the Children's Partnership's words of August 2007");
    assertTrue(html.contains(">A key priority for the group is the NEETS and the retention of young people in Year 12<"),
        "the narrative on the card");

    var pdf = Http.bytes(base(), "/report-cards/CYP-28.pdf");
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.headers().firstValue("content-type").orElse(""));
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      assertTrue(doc.getNumberOfPages() >= 1 && doc.getNumberOfPages() <= 2, doc.getNumberOfPages() + " pages");
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      assertTrue(text.contains("CYP-28"), text);
      assertTrue(text.contains("Red"), text);
    }
  }

  @Test
  void everyReportCardOfTheDemoFitsTwoPrintedSides() throws Exception {
    var report = parse(Http.get(base(), "/api/v1/reports/quarterly").body(), PerformanceReport.newBuilder()).build();
    List<String> over = new java.util.ArrayList<>();
    int printed = 0;
    for (BlockSummary b : report.getBlocksList()) {
      for (var line : b.getIndicatorsList()) {
        try (PDDocument doc = Loader.loadPDF(Http.bytes(base(), "/report-cards/" + line.getCode() + ".pdf").body())) {
          printed++;
          if (doc.getNumberOfPages() > 2) {
            over.add(line.getCode() + ": " + doc.getNumberOfPages() + " pages");
          }
        }
      }
    }
    assertEquals(155, printed);
    assertEquals(List.of(), over);
  }

  @Test
  void theQuarterlyReportAndTheReviewPackAreServedAsPagesAndPdf() throws Exception {
    var pack = parse(Http.get(base(), "/api/v1/reports/review-pack").body(), PerformanceReport.newBuilder()).build();
    int exceptions = pack.getBlocksList().stream().mapToInt(BlockSummary::getExceptionsCount).sum();
    assertEquals(pack.getJudgements().getRed() + pack.getJudgements().getAmber(), exceptions);
    assertTrue(pack.getBlocksList().stream().allMatch(b -> b.getIndicatorsCount() == 0), "only reds and ambers");
    for (String page : List.of("/reports/quarterly", "/reports/review-pack", "/")) {
      var r = Http.get(base(), page);
      assertEquals(200, r.statusCode(), page);
      assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/html"), page);
    }
    try (PDDocument doc = Loader.loadPDF(Http.bytes(base(), "/reports/quarterly.pdf").body())) {
      assertTrue(doc.getNumberOfPages() >= 1);
    }
  }

  @Test
  void badInputGetsAPreciseErrorAndNoStackTrace() {
    var unknown = Http.get(base(), "/api/v1/report-cards/NO-SUCH-1");
    assertEquals(404, unknown.statusCode());
    assertEquals("application/problem+json", unknown.headers().firstValue("content-type").orElse(""));
    assertTrue(unknown.body().contains("indicators/NO-SUCH-1"), unknown.body());

    var block = Http.get(base(), "/api/v1/blocks/education");
    assertEquals(404, block.statusCode());
    assertTrue(block.body().contains("blocks/education") && block.body().contains("children-and-young-people"));

    var period = Http.get(base(), "/api/v1/blocks/children-and-young-people?period=2007-09");
    assertEquals(400, period.statusCode());
    assertTrue(period.body().contains("\"field\":\"period\""), period.body());

    var absurd = Http.get(base(), "/api/v1/reports/quarterly?period=" + "9".repeat(3000));
    assertEquals(400, absurd.statusCode(), absurd.body());
    assertTrue(absurd.body().length() < 1000, "the answer does not echo the whole parameter");

    var traversal = Http.get(base(), "/report-cards/..%2F..%2F..%2Fetc%2Fpasswd");
    assertTrue(traversal.statusCode() == 400 || traversal.statusCode() == 404, traversal.statusCode() + "");
    var traversal2 = Http.get(base(), "/api/v1/report-cards/..%2F..%2Fopenapi");
    assertTrue(traversal2.statusCode() == 400 || traversal2.statusCode() == 404, traversal2.statusCode() + "");

    var page = Http.get(base(), "/report-cards/NO-SUCH-1");
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("indicators/NO-SUCH-1 does not exist"), page.body());
    var noRoute = Http.get(base(), "/no/such/page");
    assertEquals(404, noRoute.statusCode());

    var csv = Http.get(base(), "/api/v1/blocks/children-and-young-people", "text/csv");
    assertEquals(406, csv.statusCode(), csv.body());
    assertEquals("application/problem+json", csv.headers().firstValue("content-type").orElse(""));
    assertTrue(csv.body().contains("\"status\":406") && csv.body().contains("answers only application/json"),
        csv.body());
    for (var r : List.of(unknown, block, period, absurd, traversal, traversal2, page, noRoute, csv)) {
      assertFalse(r.body().contains("at org.") || r.body().contains("Exception"), r.body());
    }

    // The router cannot read these addresses (Micronaut knows such a request only as "/"), so the
    // answer is problem+json unless the request it knows accepts HTML.
    String json = "application/json";
    String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    var badEscape = Http.raw(base(), "/api/v1/report-cards/%ZZ", json);
    assertEquals(400, badEscape.status(), badEscape.body());
    assertEquals("application/problem+json", badEscape.contentType(), badEscape.body());
    assertTrue(badEscape.body().contains("percent-escape"), badEscape.body());
    var badEscapePage = Http.raw(base(), "/report-cards/%ZZ", browser);
    assertEquals(400, badEscapePage.status(), badEscapePage.body());
    assertTrue(badEscapePage.contentType().startsWith("text/html")
        || badEscapePage.contentType().equals("application/problem+json"), badEscapePage.contentType());
    var longAddress = Http.raw(base(), "/api/v1/report-cards/" + "A".repeat(5000), json);
    assertTrue(longAddress.status() == 414 || longAddress.status() == 413, longAddress.status() + "");
    assertEquals("application/problem+json", longAddress.contentType(), longAddress.body());
    var longPage = Http.raw(base(), "/report-cards/" + "A".repeat(5000), browser);
    assertTrue(longPage.status() == 414 || longPage.status() == 413, longPage.status() + "");
    assertTrue(longPage.contentType().startsWith("text/html")
        || longPage.contentType().equals("application/problem+json"), longPage.contentType() + " " + longPage.body());
    for (var r : List.of(badEscape, badEscapePage, longAddress, longPage)) {
      assertFalse(r.body().contains("at org.") || r.body().contains("Exception") || r.body().contains("_links"),
          r.body());
    }
  }

  @Test
  void theReportingServiceServesTheSameModelOverGrpc() {
    BlockSummary s = reporting().getBlockSummary(GetBlockSummaryRequest.newBuilder()
        .setBlock(LaaBlock.LAA_BLOCK_HEALTHIER_COMMUNITIES_AND_OLDER_PEOPLE).build());
    assertEquals(28, s.getJudgements().getTotal());
    assertEquals("2007-08", s.getFinancialYear());
    assertTrue(s.getThemeGroupsList().stream().anyMatch(g -> g.getName().equals("bodies/older-peoples-partnership")));

    GrpcErrors.expectInvalid(() -> reporting().getBlockSummary(GetBlockSummaryRequest.getDefaultInstance()), "block");
    GrpcErrors.expectInvalid(() -> reporting().getReportCard(GetReportCardRequest.newBuilder()
        .setName("indicators/CYP-28").setFinancialYear("07-08").build()), "financial_year");
    GrpcErrors.expect(Status.Code.NOT_FOUND, () -> reporting().getReportCard(GetReportCardRequest.newBuilder()
        .setName("reportCards/NO-SUCH-1").build()));
    var commitment = reporting().getCommitmentPage(org.laasuite.reporting.v1.GetCommitmentPageRequest.newBuilder()
        .setName("commitmentPages/communications-officer").build());
    assertEquals("Communications Officer post (Coventry Partnership Secretariat)", commitment.getCommitment().getTitle());
    assertEquals("commitments/communications-officer", commitment.getCommitmentName());
    GrpcErrors.expect(Status.Code.NOT_FOUND, () -> reporting().getCommitmentPage(
        org.laasuite.reporting.v1.GetCommitmentPageRequest.newBuilder().setName("commitments/no-such").build()));
    GrpcErrors.expectInvalid(() -> reporting().getCommitmentPage(
        org.laasuite.reporting.v1.GetCommitmentPageRequest.getDefaultInstance()), "name");
    assertEquals(List.of(), HostileRequests.probe(grpc, ReportingServiceGrpc.getServiceDescriptor()),
        "no malformed request is answered INTERNAL or UNKNOWN");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theOpenApiDocumentDescribesEveryApiRoute() throws Exception {
    var r = Http.get(base(), "/openapi");
    assertEquals(200, r.statusCode());
    Map<String, Object> doc = new Yaml().load(new StringReader(r.body()));
    Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
    assertEquals(java.util.Set.of("/api/v1/report-cards/{code}", "/api/v1/commitments/{id}", "/api/v1/blocks/{block}",
        "/api/v1/reports/{kind}", "/api/v1/judgement-disagreements", "/api/v1/exit-plan", "/api/v1/lpsa-reward-forecast",
        "/api/v1/comparators",
        "/api/v1/money-behind-the-red",
        "/api/v1/reminders:send", "/export/simple-view.csv", "/export/simple-view.xlsx", "/openapi",
        "/open-data/360giving.json", "/open-data/360giving.csv", "/open-data/popolo.json",
        "/open-data/laa-open-data.zip", "/oparl/v1/system", "/oparl/v1/bodies", "/oparl/v1/bodies/{body}",
        "/oparl/v1/bodies/{body}/{list}", "/oparl/v1/{kind}/{object}"),
        paths.keySet());
    for (var m : org.laasuite.reporting.reminders.ReminderController.class.getDeclaredMethods()) {
      var post = m.getAnnotation(io.micronaut.http.annotation.Post.class);
      if (post != null) {
        assertTrue(paths.containsKey(post.uri()), post.uri());
      }
    }
    // Every route the controller serves under /api is in the document.
    for (var m : org.laasuite.reporting.web.ApiController.class.getDeclaredMethods()) {
      var get = m.getAnnotation(io.micronaut.http.annotation.Get.class);
      if (get != null) {
        assertTrue(paths.containsKey(get.uri()), get.uri());
      }
    }
    // The properties the schema promises are the ones a card has.
    Map<String, Object> card = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) doc
        .get("components")).get("schemas")).get("ReportCard");
    var json = new org.yaml.snakeyaml.Yaml().<Map<String, Object>>load(Http.get(base(), "/api/v1/report-cards/CYP-28")
        .body());
    // (A message left unset is left out of the JSON: a card last discussed nowhere has no lastDiscussed.)
    var promised = new java.util.HashSet<>(((Map<String, Object>) card.get("properties")).keySet());
    assertTrue(promised.containsAll(json.keySet()), json.keySet() + " within " + promised);
    promised.removeAll(json.keySet());
    assertTrue(java.util.Set.of("lastDiscussed").containsAll(promised), "only an unset message is left out: " + promised);
    // Every schema named after a laa.reporting.v1 message lists exactly that message's fields.
    Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
    int checked = 0;
    for (var message : java.util.stream.Stream.of(org.laasuite.reporting.v1.ReportingProto.getDescriptor(),
        org.laasuite.reporting.v1.ReportingServiceProto.getDescriptor()).flatMap(f -> f.getMessageTypes().stream())
        .toList()) {
      var schema = (Map<String, Object>) schemas.get(message.getName());
      if (schema != null) {
        assertEquals(message.getFields().stream().map(f -> f.getJsonName()).collect(java.util.stream.Collectors.toSet()),
            ((Map<String, Object>) schema.get("properties")).keySet(), message.getName());
        checked++;
      }
    }
    assertEquals(23, checked, "ReportCard, CommitmentPage, BlockSummary, PerformanceReport, IndicatorLine, ThemeGroup, "
        + "JudgementCounts, UnavailableSection, Work, IndicatorWork, DueFigure, ActionWork, JudgementDisagreement, "
        + "ListJudgementDisagreementsResponse, ExitPlan, ExitCandidate, LpsaRewardForecast, LpsaTargetForecast, "
        + "LastDiscussed, ActionCurve, MoneyBehindTheRed, BlockMoney, MoneyBehind");
  }
}
