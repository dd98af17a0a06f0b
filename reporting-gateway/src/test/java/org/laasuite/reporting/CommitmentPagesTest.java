package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.protobuf.util.JsonFormat;
import com.google.type.Date;
import io.grpc.ManagedChannel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
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
import org.laasuite.funding.v1.FundingStream;
import org.laasuite.funding.v1.ListFundingStreamsRequest;
import org.laasuite.funding.v1.Spend;
import org.laasuite.funding.v1.YearAmount;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.ActionStatus;
import org.laasuite.partnership.v1.AgendaItem;
import org.laasuite.partnership.v1.Attendance;
import org.laasuite.partnership.v1.AttendanceStatus;
import org.laasuite.partnership.v1.CreateMeetingRequest;
import org.laasuite.partnership.v1.Decision;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.MeetingStatus;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.partnership.v1.UpdateMeetingRequest;
import org.laasuite.reporting.v1.CommitmentPage;
import org.laasuite.reporting.v1.ReportCard;
import org.laasuite.testkit.TestIssuer;

/**
 * Decisions and actions linked to what they concern, from the real suite: a decision minuted with UpdateMeeting about
 * an indicator and a commitment of the test's own is listed on that indicator's report card (HTML and JSON) and on
 * the commitment's page, which shows the commitment, its spend, the indicator with its judgement, and the actions on
 * it; the card's funding links to the page. An unknown commitment is a 404 problem.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitmentPagesTest {

  private static final String COMMITMENT = "commitments/commitment-pages-wardens";
  private static final String MEETING = "meetings/commitment-pages-2007-09-12";
  private static final String DECIDED = "Fund two neighbourhood wardens from April 2008";

  private EmbeddedServer gateway;
  private OwnIndicator indicator;
  private FundingStream stream;

  @BeforeAll
  void aDecisionAboutAnIndicatorAndACommitment() {
    gateway = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(RunningSuite.get().gatewayProperties("20s")));
    indicator = new OwnIndicator("COMMIT-PAGE-1", "Wardens' patrols completed", "%");
    RunningSuite suite = RunningSuite.get();
    ManagedChannel funding = suite.funding.channel();
    ManagedChannel partnership = suite.partnership.channel();
    try {
      var money = FundingServiceGrpc.newBlockingStub(funding).withCallCredentials(TestIssuer.admin());
      stream = money.listFundingStreams(ListFundingStreamsRequest.newBuilder().setPageSize(1).build())
          .getFundingStreams(0);
      money.createCommitment(CreateCommitmentRequest.newBuilder().setCommitment(Commitment.newBuilder()
          .setId("commitment-pages-wardens").setTitle("Neighbourhood wardens (two posts)")
          .setKind(CommitmentKind.COMMITMENT_KIND_POST).setProgramme("NRF").setFundingStream(stream.getName())
          .setPosts(2).setStartDate(date(2007, 4, 1)).setEndDate(date(2008, 3, 31))
          .addAmounts(YearAmount.newBuilder().setFinancialYear("2007-08").setAmount(Amount.newBuilder()
              .setMoney(Moneys.gbp(5_000_000)).setStatus(AmountStatus.AMOUNT_STATUS_CONFIRMED).setOriginalText("50,000")))
          .addSupportsIndicators(indicator.name).setRecipient("organisations/coventry-city-council"))
          .setAllowOverCommitment(true).build());
      money.createSpend(CreateSpendRequest.newBuilder().setParent(COMMITMENT).setSpend(Spend.newBuilder()
          .setFinancialYear("2007-08").setQuarter(1).setAmount(Moneys.gbp(1_200_050))).build());
      money.createSpend(CreateSpendRequest.newBuilder().setParent(COMMITMENT).setSpend(Spend.newBuilder()
          .setFinancialYear("2007-08").setQuarter(2).setAmount(Moneys.gbp(1_000_000))).build());

      var governance = PartnershipServiceGrpc.newBlockingStub(partnership).withCallCredentials(TestIssuer.admin());
      Meeting held = governance.createMeeting(CreateMeetingRequest.newBuilder().setMeeting(Meeting.newBuilder()
          .setId("commitment-pages-2007-09-12").setBody(OwnIndicator.THEME_GROUP).setDate(date(2007, 9, 12))
          .setStatus(MeetingStatus.MEETING_STATUS_HELD)
          .addAttendance(Attendance.newBuilder().setPerson("people/sara-roach")
              .setStatus(AttendanceStatus.ATTENDANCE_STATUS_PRESENT))
          .addItems(AgendaItem.newBuilder().setNumber(1).setTitle("Neighbourhood wardens"))
          .addActions(Action.newBuilder().setItem(1).setText("Recruit the two wardens").setOwner("people/sara-roach")
              .addCommitments(COMMITMENT))).build());
      // The decision is minuted afterwards, as a correction of the minutes.
      governance.updateMeeting(UpdateMeetingRequest.newBuilder().setMeeting(held.toBuilder()
          .addDecisions(Decision.newBuilder().setItem(1).setText(DECIDED).addIndicators(indicator.name)
              .addCommitments(COMMITMENT))).setUpdateMask(FieldMask.newBuilder().addPaths("decisions")).build());
    } finally {
      funding.shutdownNow();
      partnership.shutdownNow();
    }
  }

  @AfterAll
  void stop() {
    gateway.close();
    indicator.close();
  }

  private static Date date(int y, int m, int d) {
    return Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
  }

  private URI base() {
    return gateway.getURI();
  }

  private Document page(String path) {
    return Http.page(base(), path);
  }

  @Test
  void theIndicatorsCardListsTheDecisionAboutItWithItsMeeting() throws Exception {
    var json = Http.get(base(), "/api/v1/report-cards/" + indicator.code);
    assertEquals(200, json.statusCode(), json.body());
    ReportCard.Builder card = ReportCard.newBuilder();
    JsonFormat.parser().merge(json.body(), card);
    assertEquals(1, card.getDecisionsCount(), card.getDecisionsList().toString());
    Decision d = card.getDecisions(0);
    assertEquals(DECIDED, d.getText());
    assertEquals(MEETING, d.getMeeting());
    assertEquals(date(2007, 9, 12), d.getMeetingDate());
    assertEquals(OwnIndicator.THEME_GROUP, d.getBody());
    assertEquals(List.of(COMMITMENT), d.getCommitmentsList());

    Document html = page("/report-cards/" + indicator.code);
    List<Element> listed = html.select("[data-test=decisions] [data-test=decision]");
    assertEquals(1, listed.size(), html.select("[data-test=decisions]").text());
    assertEquals("2007-09-12, Community Safety Partnership, item 1: " + DECIDED, listed.getFirst().text());
    assertEquals("/" + MEETING, listed.getFirst().selectFirst("a[data-test=decision-meeting]").attr("href"));

    // The card's funding links to the commitment's page.
    Element funding = html.selectFirst("[data-test=funding] a[data-test=commitment-link]");
    assertTrue(funding != null, html.select("[data-test=funding]").text());
    assertEquals("/" + COMMITMENT, funding.attr("href"));
    assertEquals("Neighbourhood wardens (two posts)", funding.text());
  }

  @Test
  void anIndicatorWithoutDecisionsSaysSo() {
    Document html = page("/report-cards/CYP-28");
    assertTrue(html.select("[data-test=decisions] [data-test=decision]").isEmpty());
    assertTrue(html.selectFirst("[data-test=decisions]").text().contains("No decision about this indicator is minuted"));
  }

  @Test
  void theCommitmentsPageShowsItsFundingSpendIndicatorsDecisionsAndActions() throws Exception {
    Document html = page("/" + COMMITMENT);
    assertEquals("Neighbourhood wardens (two posts)", html.selectFirst("[data-test=title]").text());
    assertEquals("Post", html.selectFirst("[data-test=kind]").text());
    assertEquals("NRF", html.selectFirst("[data-test=programme]").text());
    assertEquals(stream.getDisplayName(), html.selectFirst("[data-test=funding-stream]").text());
    assertEquals("2", html.selectFirst("[data-test=posts]").text());
    assertEquals("2007-04-01", html.selectFirst("[data-test=start]").text());
    assertEquals("2008-03-31", html.selectFirst("[data-test=end]").text());
    assertEquals("Coventry City Council", html.selectFirst("[data-test=recipient]").text());
    assertEquals(List.of("2007-08 £50,000"), html.select("[data-test=amount]").eachText());
    assertEquals("£22,000.50", html.selectFirst("[data-test=spent]").text());
    assertEquals(2, html.select("[data-test=spend-line]").size());

    Element supported = html.selectFirst("[data-test=indicators] [data-test=indicator]");
    assertEquals("/report-cards/" + indicator.code, supported.selectFirst("a").attr("href"));
    assertTrue(supported.text().startsWith(indicator.code + ": Wardens' patrols completed — "), supported.text());
    assertFalse(supported.select("[data-test=judgement]").text().isEmpty(), "its latest judgement");

    List<Element> decisions = html.select("[data-test=decisions] [data-test=decision]");
    assertEquals(1, decisions.size());
    assertTrue(decisions.getFirst().text().endsWith("item 1: " + DECIDED), decisions.getFirst().text());
    assertEquals("/" + MEETING, decisions.getFirst().selectFirst("a").attr("href"));

    List<Element> actions = html.select("[data-test=actions] [data-test=action]");
    assertEquals(1, actions.size());
    assertTrue(actions.getFirst().text().startsWith("Recruit the two wardens (Sara Roach)"), actions.getFirst().text());
    assertEquals("open", actions.getFirst().selectFirst("[data-test=action-status]").text());

    // The same model as JSON.
    var json = Http.get(base(), "/api/v1/" + COMMITMENT);
    assertEquals(200, json.statusCode(), json.body());
    CommitmentPage.Builder page = CommitmentPage.newBuilder();
    JsonFormat.parser().merge(json.body(), page);
    assertEquals(COMMITMENT, page.getCommitmentName());
    assertEquals("commitmentPages/commitment-pages-wardens", page.getName());
    assertEquals(List.of(), page.getUnavailableList());
    assertEquals(Moneys.gbp(2_200_050), page.getSpent());
    assertEquals(List.of(indicator.name), page.getIndicatorsList().stream().map(l -> l.getIndicator()).toList());
    assertEquals(List.of(DECIDED), page.getDecisionsList().stream().map(Decision::getText).toList());
    assertEquals(List.of(ActionStatus.ACTION_STATUS_OPEN), page.getActionsList().stream().map(Action::getStatus)
        .toList());
    assertEquals("Coventry City Council", page.getRecipientTitle());
  }

  @Test
  void aDemoCommitmentHasItsPageFromTheMinutes() {
    Document html = page("/commitments/partnership-support-officers");
    assertEquals("Partnership Support Officer posts (Coventry Partnership Secretariat)",
        html.selectFirst("[data-test=title]").text());
    assertEquals("3", html.selectFirst("[data-test=posts]").text());
    assertEquals("2008-03-31", html.selectFirst("[data-test=end]").text());
    assertEquals(List.of("2007-08 NYQ"), html.select("[data-test=amount]").eachText());
    assertTrue(html.selectFirst("[data-test=source]").text().contains("22 August 2007, item 4"));
    // The minutes' decision and actions on the posts (data/coventry-2007-08/partnership.yaml, item 4).
    List<Element> decisions = html.select("[data-test=decisions] [data-test=decision]");
    assertEquals(1, decisions.size(), html.select("[data-test=decisions]").text());
    assertTrue(decisions.getFirst().text().startsWith("2007-08-22, Leaders And Advisors, item 4: It was agreed that a "
        + "questionnaire be sent"), decisions.getFirst().text());
    assertEquals("/meetings/leaders-and-advisors-2007-08-22", decisions.getFirst().selectFirst("a").attr("href"));
    assertEquals(3, html.select("[data-test=actions] [data-test=action]").size());
  }

  @Test
  void anUnknownCommitmentIsA404ProblemAndAMalformedIdA400NamingIt() {
    var unknown = Http.get(base(), "/api/v1/commitments/no-such-commitment");
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertEquals("application/problem+json", unknown.headers().firstValue("content-type").orElse(""));
    assertTrue(unknown.body().contains("COMMITMENT_NOT_FOUND"), unknown.body());
    assertTrue(unknown.body().contains("commitments/no-such-commitment"), unknown.body());
    assertEquals(404, Http.get(base(), "/commitments/no-such-commitment", "text/html").statusCode());

    var malformed = Http.get(base(), "/api/v1/commitments/Not_An_Id");
    assertEquals(400, malformed.statusCode(), malformed.body());
    assertTrue(malformed.body().contains("\"field\":\"id\""), malformed.body());
  }
}
