package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import com.google.type.Date;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.common.grpc.Moneys;
import org.laasuite.funding.v1.Amount;
import org.laasuite.funding.v1.AmountStatus;
import org.laasuite.funding.v1.Commitment;
import org.laasuite.funding.v1.CommitmentKind;
import org.laasuite.funding.v1.CreateCommitmentRequest;
import org.laasuite.funding.v1.CreateSpendRequest;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.funding.v1.GetSpendReportRequest;
import org.laasuite.funding.v1.SpendLine;
import org.laasuite.funding.v1.Spend;
import org.laasuite.funding.v1.SupportingCommitment;
import org.laasuite.funding.v1.YearAmount;
import org.laasuite.partnership.v1.AgendaItem;
import org.laasuite.partnership.v1.Attendance;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.CreateMeetingRequest;
import org.laasuite.partnership.v1.Decision;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.MeetingStatus;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.reporting.v1.BlockMoney;
import org.laasuite.reporting.v1.GetMoneyBehindTheRedRequest;
import org.laasuite.reporting.v1.GetPerformanceReportRequest;
import org.laasuite.reporting.v1.IndicatorLine;
import org.laasuite.reporting.v1.MoneyBehind;
import org.laasuite.reporting.v1.MoneyBehindTheRed;
import org.laasuite.reporting.v1.PerformanceReport;
import org.laasuite.reporting.v1.ReportCard;
import org.laasuite.reporting.v1.ReportKind;
import org.laasuite.reporting.v1.ReportingServiceGrpc;
import org.laasuite.testkit.TestIssuer;

/**
 * The money behind the red, from the real suite on the demo data: a commitment of the test's own names a red
 * indicator of the demo, money is spent of it, and a meeting minutes a decision on the indicator. The gRPC answer,
 * the JSON, the page, its PDF, the review pack and the indicator's card all show, for that indicator, the streams
 * pooled and aligned into its block (exactly those the funding service's spend report gives), the commitment with
 * its spend and end date, and the meeting; every red and amber of the review pack is listed. A year that is no year
 * is refused, naming the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoneyBehindTheRedTest {

  private static final String YEAR = "2007-08";
  private static final String COMMITMENT = "commitments/money-behind-outreach";
  private static final String TITLE = "Outreach workers behind the red (test)";
  private static final String MEETING = "meetings/money-behind-2009-12-15";

  private EmbeddedServer gateway;
  private ManagedChannel grpc;
  private IndicatorLine red;
  private List<SpendLine> blockStreams;

  private static Date date(int y, int m, int d) {
    return Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
  }

  @BeforeAll
  void aRedIndicatorWithMoneyAndAMeeting() {
    RunningSuite suite = RunningSuite.get();
    gateway = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(suite.gatewayProperties("20s")));
    int port = gateway.getApplicationContext().getProperty("grpc.server.port", Integer.class).orElseThrow();
    grpc = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    PerformanceReport pack = reporting().getPerformanceReport(GetPerformanceReportRequest.newBuilder()
        .setKind(ReportKind.REPORT_KIND_REVIEW_PACK).setFinancialYear(YEAR).build());
    // A red of the demo whose card other tests do not read for its decisions.
    red = pack.getBlocksList().stream().flatMap(b -> b.getExceptionsList().stream())
        .filter(l -> l.getComputedJudgement().getRating() == org.laasuite.indicators.v1.Rating.RATING_RED)
        .filter(l -> !List.of("CYP-28", "SSC-ENV-14").contains(l.getCode())).reduce((a, b) -> b).orElseThrow();
    ManagedChannel funding = suite.funding.channel();
    ManagedChannel partnership = suite.partnership.channel();
    try {
      var money = FundingServiceGrpc.newBlockingStub(funding).withCallCredentials(TestIssuer.admin());
      blockStreams = money.getSpendReport(GetSpendReportRequest.newBuilder().setFinancialYear(YEAR).build())
          .getLinesList().stream().filter(l -> l.getBlock() == blockOf(pack, red)).toList();
      assertFalse(blockStreams.isEmpty(), "Annex 3 pools or aligns streams into every block");
      money.createCommitment(CreateCommitmentRequest.newBuilder().setCommitment(Commitment.newBuilder()
          .setId("money-behind-outreach").setTitle(TITLE).setKind(CommitmentKind.COMMITMENT_KIND_PROJECT)
          .setProgramme("NRF").setFundingStream(blockStreams.getFirst().getFundingStream())
          .setStartDate(date(2007, 4, 1)).setEndDate(date(2031, 3, 31))
          .addAmounts(YearAmount.newBuilder().setFinancialYear(YEAR).setAmount(Amount.newBuilder()
              .setMoney(Moneys.gbp(2_000_000)).setStatus(AmountStatus.AMOUNT_STATUS_CONFIRMED)
              .setOriginalText("20,000")))
          .addSupportsIndicators(red.getIndicator())).setAllowOverCommitment(true).build());
      money.createSpend(CreateSpendRequest.newBuilder().setParent(COMMITMENT).setSpend(Spend.newBuilder()
          .setFinancialYear(YEAR).setQuarter(1).setAmount(Moneys.gbp(500_050))).build());
      money.createSpend(CreateSpendRequest.newBuilder().setParent(COMMITMENT).setSpend(Spend.newBuilder()
          .setFinancialYear("2008-09").setQuarter(1).setAmount(Moneys.gbp(700_000))).build());
      PartnershipServiceGrpc.newBlockingStub(partnership).withCallCredentials(TestIssuer.admin())
          .createMeeting(CreateMeetingRequest.newBuilder().setMeeting(Meeting.newBuilder()
              .setId("money-behind-2009-12-15").setBody(OwnIndicator.THEME_GROUP).setDate(date(2009, 12, 15))
              .setStatus(MeetingStatus.MEETING_STATUS_HELD)
              .addAttendance(Attendance.newBuilder().setPerson("people/sara-roach")
                  .setStatus(AttendanceStatus.ATTENDANCE_STATUS_PRESENT))
              .addItems(AgendaItem.newBuilder().setNumber(1).setTitle("Performance exceptions"))
              .addDecisions(Decision.newBuilder().setItem(1).setText("Keep the outreach workers until the figure turns")
                  .addIndicators(red.getIndicator()))).build());
    } finally {
      funding.shutdownNow();
      partnership.shutdownNow();
    }
  }

  private static org.laasuite.type.v1.LaaBlock blockOf(PerformanceReport pack, IndicatorLine line) {
    return pack.getBlocksList().stream().filter(b -> b.getExceptionsList().contains(line)).findFirst().orElseThrow()
        .getBlock();
  }

  @AfterAll
  void stop() {
    grpc.shutdownNow();
    gateway.close();
  }

  private ReportingServiceGrpc.ReportingServiceBlockingStub reporting() {
    return ReportingServiceGrpc.newBlockingStub(grpc);
  }

  private URI base() {
    return gateway.getURI();
  }

  private static List<String> streamNames(List<SpendLine> lines) {
    return lines.stream().map(SpendLine::getFundingStream).toList();
  }

  private MoneyBehind behindRed(MoneyBehindTheRed money) {
    return money.getBlocksList().stream().flatMap(b -> b.getIndicatorsList().stream())
        .filter(m -> m.getIndicator().getIndicator().equals(red.getIndicator())).findFirst().orElseThrow();
  }

  private BlockMoney blockOfRed(MoneyBehindTheRed money) {
    return money.getBlocksList().stream().filter(b -> b.getIndicatorsList().stream()
        .anyMatch(m -> m.getIndicator().getIndicator().equals(red.getIndicator()))).findFirst().orElseThrow();
  }

  @Test
  void theRedIndicatorHasItsBlocksStreamsItsCommitmentWithSpendAndTheMeetingThatLastDiscussedIt() {
    MoneyBehindTheRed money = reporting().getMoneyBehindTheRed(GetMoneyBehindTheRedRequest.newBuilder()
        .setFinancialYear(YEAR).build());
    assertEquals(YEAR, money.getFinancialYear());
    assertEquals(List.of(), money.getUnavailableList());
    BlockMoney block = blockOfRed(money);
    assertEquals(streamNames(blockStreams), streamNames(block.getStreamsList()),
        "the streams pooled and aligned into the block");
    assertEquals(blockStreams.stream().mapToLong(l -> org.laasuite.reporting.assembly.MoneyBehind.pence(
        l.getAllocated())).sum(), org.laasuite.reporting.assembly.MoneyBehind.pence(block.getAllocated()));
    assertEquals(org.laasuite.reporting.assembly.MoneyBehind.pence(blockStreams.getFirst().getSpent()) + 500_050,
        org.laasuite.reporting.assembly.MoneyBehind.pence(block.getStreams(0).getSpent()),
        "the commitment's spend that year is spent of its stream");

    MoneyBehind behind = behindRed(money);
    SupportingCommitment ours = behind.getCommitmentsList().stream()
        .filter(c -> c.getCommitment().getName().equals(COMMITMENT)).findFirst().orElseThrow();
    assertEquals(Moneys.gbp(500_050), ours.getSpent(), "spent in the year asked, not in the next");
    assertEquals(date(2031, 3, 31), ours.getCommitment().getEndDate());
    assertEquals(Moneys.gbp(2_000_000), ours.getAmount().getMoney());
    assertEquals(MEETING, behind.getLastDiscussed().getMeeting());
    assertEquals(date(2009, 12, 15), behind.getLastDiscussed().getDate());
    assertEquals(OwnIndicator.THEME_GROUP, behind.getLastDiscussed().getBody());
    assertEquals("minuted a decision", behind.getLastDiscussed().getWhat());

    // Every red and amber of the review pack, and nothing else, in the same order.
    PerformanceReport pack = reporting().getPerformanceReport(GetPerformanceReportRequest.newBuilder()
        .setKind(ReportKind.REPORT_KIND_REVIEW_PACK).setFinancialYear(YEAR).build());
    assertEquals(pack.getBlocksList().stream().flatMap(b -> b.getExceptionsList().stream())
        .map(IndicatorLine::getCode).toList(), money.getBlocksList().stream().flatMap(b -> b.getIndicatorsList()
        .stream()).map(m -> m.getIndicator().getCode()).toList());
    assertEquals(money.getBlocksList(), pack.getMoneyBehind().getBlocksList(), "the review pack holds the same");
    var listed = money.getBlocksList().stream().flatMap(b -> b.getIndicatorsList().stream()).toList();
    assertEquals(listed.size(), money.getIndicators());
    assertEquals(listed.stream().filter(m -> m.getCommitmentsCount() > 0).count(), money.getWithCommitments());
    assertTrue(money.getDiscussed() >= 1, "ours at least");
  }

  @Test
  void theJsonThePageAndItsPdfShowTheSame() throws Exception {
    var json = Http.get(base(), "/api/v1/money-behind-the-red?year=" + YEAR);
    assertEquals(200, json.statusCode(), json.body());
    MoneyBehindTheRed.Builder parsed = MoneyBehindTheRed.newBuilder();
    JsonFormat.parser().merge(json.body(), parsed);
    assertEquals(COMMITMENT, behindRed(parsed.build()).getCommitmentsList().stream()
        .map(c -> c.getCommitment().getName()).filter(COMMITMENT::equals).findFirst().orElseThrow());

    Document html = Http.page(base(), "/funding/money-behind-the-red?year=" + YEAR);
    Element line = html.selectFirst("[data-test=behind][data-code=" + red.getCode() + "]");
    assertNotNull(line, html.text());
    Element commitment = line.select("[data-test=commitment]").stream().filter(e -> e.text().startsWith(TITLE))
        .findFirst().orElseThrow();
    assertTrue(commitment.text().contains("£20,000, £5,000.50 spent, funded until 2031-03-31"), commitment.text());
    assertEquals("/" + COMMITMENT, commitment.selectFirst("a").attr("href"));
    Element last = line.selectFirst("[data-test=last-discussed] a");
    assertEquals("/" + MEETING, last.attr("href"));
    assertEquals("2009-12-15, Community Safety Partnership: minuted a decision", last.text());
    Element block = line.parent();
    assertEquals(blockStreams.size(), block.select("[data-test=stream]").size());
    assertTrue(block.selectFirst("[data-test=block-streams]").text().contains("pooled and aligned into the block"));

    var pdf = Http.bytes(base(), "/funding/money-behind-the-red.pdf?year=" + YEAR);
    assertEquals(200, pdf.statusCode());
    assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));

    Document pack = Http.page(base(), "/reports/review-pack?period=" + YEAR);
    assertNotNull(pack.selectFirst("[data-test=money-behind] [data-test=behind][data-code=" + red.getCode() + "]"),
        "in the review pack");
  }

  @Test
  void theCardShowsTheMoneyBehindItAndWhereItWasLastDiscussed() throws Exception {
    Document html = Http.page(base(), "/report-cards/" + red.getCode() + "?period=" + YEAR);
    Element ours = html.select("[data-test=funding] [data-test=commitment]").stream()
        .filter(e -> e.text().startsWith(TITLE)).findFirst().orElseThrow();
    assertTrue(ours.text().endsWith("£20,000, £5,000.50 spent, funded until 2031-03-31"), ours.text());
    String blockMoney = html.selectFirst("[data-test=block-money]").text();
    assertTrue(blockMoney.startsWith("Behind it and its block's other indicators: " + blockStreams.size()
        + " streams pooled and aligned into"), blockMoney);
    assertEquals("/" + MEETING, html.selectFirst("[data-test=last-discussed] a").attr("href"));

    var json = Http.get(base(), "/api/v1/report-cards/" + red.getCode() + "?period=" + YEAR);
    ReportCard.Builder card = ReportCard.newBuilder();
    JsonFormat.parser().merge(json.body(), card);
    assertEquals(streamNames(blockStreams), streamNames(card.getBlockStreamsList()));
    assertEquals(MEETING, card.getLastDiscussed().getMeeting());
  }

  @Test
  void theCardOfAnIndicatorWithAnOpenActionSaysWhetherItsCurveTurnedWithTheCaveat() throws Exception {
    var json = Http.get(base(), "/api/v1/report-cards/SSC-ENV-14?period=" + YEAR);
    ReportCard.Builder card = ReportCard.newBuilder();
    JsonFormat.parser().merge(json.body(), card);
    assertEquals(card.getOpenActionsList().stream().map(a -> a.getName()).toList(), card.getCurvesList().stream()
        .map(c -> c.getAction()).toList(), "one curve for each open action on it");
    assertEquals(date(2007, 4, 24), card.getCurves(0).getAround().getAt(), "the day of the meeting that agreed it");
    assertEquals(org.laasuite.reporting.assembly.Curves.words(card.getCurves(0).getAround()),
        card.getCurves(0).getWords());
    Document html = Http.page(base(), "/report-cards/SSC-ENV-14?period=" + YEAR);
    assertEquals(" — the curve: " + card.getCurves(0).getWords(), html.selectFirst("[data-test=curve]").wholeText());
    assertTrue(html.selectFirst("[data-test=caveat]").text().endsWith(org.laasuite.reporting.assembly.Curves.CAVEAT));
    assertEquals("agreed an action", card.getLastDiscussed().getWhat().replace("minuted a decision and ", ""));
  }

  @Test
  void aYearThatIsNoYearIsRefusedNamingIt() {
    var bad = Http.get(base(), "/api/v1/money-behind-the-red?year=last-year");
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("\"year\""), bad.body());
    var e = assertThrows(StatusRuntimeException.class, () -> reporting().getMoneyBehindTheRed(
        GetMoneyBehindTheRedRequest.newBuilder().setFinancialYear("2007").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(String.valueOf(io.grpc.protobuf.StatusProto.fromThrowable(e)).contains("financial_year"),
        e.getMessage());
  }
}
