package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.errorInfo;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.type.Date;
import com.google.type.Decimal;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.indicators.v1.ApproveEntriesRequest;
import org.laasuite.indicators.v1.BatchGetIndicatorReportsRequest;
import org.laasuite.indicators.v1.CreateIndicatorRequest;
import org.laasuite.indicators.v1.CreatePeriodRequest;
import org.laasuite.indicators.v1.CreateTargetRequest;
import org.laasuite.indicators.v1.DeleteIndicatorRequest;
import org.laasuite.indicators.v1.Entry;
import org.laasuite.indicators.v1.EntrySelection;
import org.laasuite.indicators.v1.Figure;
import org.laasuite.indicators.v1.FigureView;
import org.laasuite.indicators.v1.GetEditionRequest;
import org.laasuite.indicators.v1.GetEntryRequest;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListEntriesRequest;
import org.laasuite.indicators.v1.ListOutturnsRequest;
import org.laasuite.indicators.v1.Narrative;
import org.laasuite.indicators.v1.Outturn;
import org.laasuite.indicators.v1.OutturnStatus;
import org.laasuite.indicators.v1.Period;
import org.laasuite.indicators.v1.PeriodType;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.indicators.v1.PublicationState;
import org.laasuite.indicators.v1.PublishEntriesRequest;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.indicators.v1.ReturnEntryRequest;
import org.laasuite.indicators.v1.SaveEntryRequest;
import org.laasuite.indicators.v1.SubmitEntryRequest;
import org.laasuite.indicators.v1.Target;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.type.v1.LaaBlock;
import org.laasuite.type.v1.ListAuditEventsRequest;

/**
 * A quarter's figure on its way to the public, with the demo partnership's people and the rights its governance
 * data gives them: David Smithson, a member of the Community Safety Partnership, enters and submits it; Mark
 * Taylor, its chair, approves it; Nigel Hart, of the Partnership Secretariat, publishes it and freezes the quarter's
 * edition. Nobody else sees it before; a correction afterwards is a new revision the edition does not take.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntryWorkflowTest {

  private static final String INDICATOR = "indicators/FLOW-CSP";
  private static final String QUARTER = "periods/fy-2007-08-q2";
  private static final String ENTRY = INDICATOR + "/entries/fy-2007-08-q2";
  private static final String MEMBER = "people/david-smithson";
  private static final String CHAIR = "people/mark-taylor";
  private static final String PUBLISHER = "people/nigel-hart";

  private ManagedChannel channel;

  @BeforeAll
  void anIndicatorOfTheCommunitySafetyPartnershipWithATarget() {
    channel = RunningSuite.get().indicators.channel();
    as(TestIssuer.ADMIN).createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder()
        .setId("FLOW-CSP").setTitle("Problem drug users sustained in treatment").setUnits("%")
        .setBlock(LaaBlock.LAA_BLOCK_SAFER_AND_STRONGER_COMMUNITIES).setPolarity(Polarity.POLARITY_HIGHER_IS_BETTER)
        .setThemeGroup("bodies/community-safety-partnership")).build());
    as(TestIssuer.ADMIN).createTarget(CreateTargetRequest.newBuilder().setParent(INDICATOR).setTarget(Target
        .newBuilder().setPeriod("periods/fy-2007-08").setFigure(Figure.newBuilder().setOriginalText("85"))).build());
    try {
      as(TestIssuer.ADMIN).createPeriod(CreatePeriodRequest.newBuilder().setPeriod(Period.newBuilder()
          .setId("fy-2007-08-q2").setType(PeriodType.PERIOD_TYPE_QUARTER).setLabel("Jul-Sep 07")
          .setStartDate(Date.newBuilder().setYear(2007).setMonth(7).setDay(1))
          .setEndDate(Date.newBuilder().setYear(2007).setMonth(9).setDay(30))).build());
    } catch (StatusRuntimeException e) {
      assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode(), "another test made the quarter");
    }
  }

  @AfterAll
  void archiveAndClose() {
    as(TestIssuer.ADMIN).deleteIndicator(DeleteIndicatorRequest.newBuilder().setName(INDICATOR).setForce(true)
        .build());
    channel.shutdownNow();
  }

  private IndicatorServiceGrpc.IndicatorServiceBlockingStub as(String subject) {
    return IndicatorServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as(subject));
  }

  private static SaveEntryRequest.Builder figure(String value) {
    return SaveEntryRequest.newBuilder().setName(ENTRY).addOutturns(Outturn.newBuilder()
        .setStatus(OutturnStatus.OUTTURN_STATUS_PROVISIONAL)
        .setFigure(Figure.newBuilder().setValue(Decimal.newBuilder().setValue(value))));
  }

  private IndicatorReport publicCard() {
    return as(TestIssuer.ADMIN).batchGetIndicatorReports(BatchGetIndicatorReportsRequest.newBuilder()
        .addNames(INDICATOR).build()).getReports(0);
  }

  private Entry latest(String subject) {
    return as(subject).getEntry(GetEntryRequest.newBuilder().setName(ENTRY).setView(FigureView.FIGURE_VIEW_LATEST)
        .build());
  }

  private static List<String> values(IndicatorReport card) {
    return card.getOutturnsList().stream().map(o -> o.getFigure().getValue().getValue()).toList();
  }

  @Test
  void aQuartersFigureIsEnteredApprovedAndPublishedAndEveryStepNamesItsPerson() {
    var member = as(MEMBER);
    // Before submitting, the rule's judgement of the figure, with its explanation; nothing written.
    Entry preview = member.saveEntry(figure("64").setValidateOnly(true).build());
    assertEquals(Rating.RATING_RED, preview.getComputedJudgement().getRating());
    assertTrue(preview.getComputedJudgement().getExplanation().contains("85"), preview.getComputedJudgement()
        .getExplanation());
    expect(Status.Code.NOT_FOUND, () -> latest(MEMBER));

    // A figure that contradicts the indicator's units is refused with the reason, and nothing is written.
    var units = expectInvalid(() -> member.saveEntry(figure("120").build()), "outturns[0].figure");
    assertTrue(units.getFirst().getDescription().contains("percentage"), units.toString());
    expect(Status.Code.NOT_FOUND, () -> latest(MEMBER));

    // Saved as a draft; a retry with the same request_id writes nothing more.
    SaveEntryRequest save = figure("64").setNarrative(Narrative.newBuilder().setAchieved("Treatment places held")
        .setNextSteps("Review retention with providers")).setRequestId("6a1f0c1e-flow-1").build();
    Entry draft = member.saveEntry(save);
    assertEquals(draft, member.saveEntry(save), "the retry answers the first answer");
    assertEquals(1, member.listOutturns(ListOutturnsRequest.newBuilder().setParent(INDICATOR).setShowSuperseded(true)
        .setView(FigureView.FIGURE_VIEW_LATEST).build()).getOutturnsCount(), "one revision, not two");
    assertEquals(PublicationState.PUBLICATION_STATE_DRAFT, draft.getState());
    assertEquals(MEMBER, draft.getOutturns(0).getSubmittedBy());

    // The public sees nothing of it; people without a right to see it pending may not ask.
    assertEquals(List.of(), values(publicCard()));
    expect(Status.Code.NOT_FOUND, () -> as(TestIssuer.ADMIN).getEntry(GetEntryRequest.newBuilder().setName(ENTRY)
        .build()));
    expect(Status.Code.PERMISSION_DENIED, () -> latest("people/sara-roach-not-linked"));

    // A stale etag is ABORTED, changing nothing; the fresh one submits.
    var stale = expect(Status.Code.ABORTED, () -> member.submitEntry(SubmitEntryRequest.newBuilder().setName(ENTRY)
        .setEtag("\"1-0\"").build()));
    assertEquals("ETAG_MISMATCH", errorInfo(stale).getReason());
    assertTrue(stale.getMessage().contains(MEMBER), "says who changed it since: " + stale.getMessage());
    Entry submitted = member.submitEntry(SubmitEntryRequest.newBuilder().setName(ENTRY).setEtag(draft.getEtag())
        .build());
    assertEquals(PublicationState.PUBLICATION_STATE_SUBMITTED, submitted.getState());
    assertEquals(PublicationState.PUBLICATION_STATE_SUBMITTED, submitted.getOutturns(0).getState());
    var locked = expect(Status.Code.FAILED_PRECONDITION, () -> member.saveEntry(figure("65").build()));
    assertEquals("ENTRY_LOCKED", errorInfo(locked).getReason());

    // Only the theme group's chair approves; only the performance group and secretariat publish.
    var byName = EntrySelection.newBuilder().addNames(ENTRY).build();
    expect(Status.Code.PERMISSION_DENIED, () -> member.approveEntries(ApproveEntriesRequest.newBuilder()
        .setSelection(byName).build()));
    assertEquals(PublicationState.PUBLICATION_STATE_APPROVED, as(CHAIR).approveEntries(ApproveEntriesRequest
        .newBuilder().setSelection(byName).build()).getEntries(0).getState());
    expect(Status.Code.PERMISSION_DENIED, () -> as(CHAIR).publishEntries(PublishEntriesRequest.newBuilder()
        .setSelection(byName).build()));
    assertEquals(List.of(), values(publicCard()), "approved is not yet published");
    var published = as(PUBLISHER).publishEntries(PublishEntriesRequest.newBuilder().setSelection(EntrySelection
        .newBuilder().setPeriod(QUARTER)).setFreezeEdition(true).build());
    assertEquals(List.of(ENTRY), published.getEntriesList().stream().map(Entry::getName).toList());
    assertTrue(published.getEdition().startsWith("editions/fy-2007-08-q2-"), published.getEdition());

    // Public now, and its history names each step's person.
    assertEquals(List.of("64"), values(publicCard()));
    Entry seen = as(TestIssuer.ADMIN).getEntry(GetEntryRequest.newBuilder().setName(ENTRY).build());
    assertEquals(List.of("PUBLICATION_STATE_DRAFT " + MEMBER, "PUBLICATION_STATE_SUBMITTED " + MEMBER,
        "PUBLICATION_STATE_APPROVED " + CHAIR, "PUBLICATION_STATE_PUBLISHED " + PUBLISHER),
        seen.getHistoryList().stream().map(s -> s.getState() + " " + s.getBy()).toList());
    assertEquals("Treatment places held", seen.getNarrative().getAchieved());

    // A correction is a new revision: pending while the published figure still shows, returned with a reason.
    member.saveEntry(figure("66").setEtag(latest(MEMBER).getEtag()).build());
    assertEquals(List.of("64"), values(publicCard()));
    assertEquals("66", latest(CHAIR).getOutturns(0).getFigure().getValue().getValue());
    member.submitEntry(SubmitEntryRequest.newBuilder().setName(ENTRY).build());
    expectInvalid(() -> as(CHAIR).returnEntry(ReturnEntryRequest.newBuilder().setName(ENTRY).build()), "reason");
    Entry returned = as(CHAIR).returnEntry(ReturnEntryRequest.newBuilder().setName(ENTRY)
        .setReason("Quote the provider's source for the new figure").build());
    assertEquals(PublicationState.PUBLICATION_STATE_RETURNED, returned.getState());
    assertEquals("Quote the provider's source for the new figure", latest(MEMBER).getReturnReason());
    member.submitEntry(SubmitEntryRequest.newBuilder().setName(ENTRY).build());
    as(CHAIR).approveEntries(ApproveEntriesRequest.newBuilder().setSelection(EntrySelection.newBuilder()
        .setPeriod(QUARTER).setThemeGroup("bodies/community-safety-partnership")).build());
    as(PUBLISHER).publishEntries(PublishEntriesRequest.newBuilder().setSelection(byName).build());
    assertEquals(List.of("66"), values(publicCard()));
    assertEquals(List.of(), as(PUBLISHER).listEntries(ListEntriesRequest.newBuilder().setParent(INDICATOR)
        .addStates(PublicationState.PUBLICATION_STATE_APPROVED).setView(FigureView.FIGURE_VIEW_LATEST).build())
        .getEntriesList(), "nothing left to publish");

    // The edition still shows what was published then, and names the figure corrected since.
    var edition = as(TestIssuer.ADMIN).getEdition(GetEditionRequest.newBuilder().setName(published.getEdition())
        .build());
    IndicatorReport then = edition.getReportsList().stream()
        .filter(r -> r.getIndicator().getName().equals(INDICATOR)).findFirst().orElseThrow();
    assertEquals(List.of("64"), values(then));
    var change = edition.getChangesSinceList().stream().filter(c -> c.getIndicator().equals(INDICATOR)).toList();
    assertEquals(1, change.size(), edition.getChangesSinceList().toString());
    assertEquals("64", change.getFirst().getWas().getFigure().getValue().getValue());
    assertEquals("66", change.getFirst().getNow().getFigure().getValue().getValue());
    assertFalse(change.getFirst().getNow().getSuperseded());

    // The audit trail has each write and step, with its person, request id and the fields before and after.
    var events = as(PUBLISHER).listAuditEvents(ListAuditEventsRequest.newBuilder().setResource(INDICATOR + "/")
        .setPageSize(500).build()).getEventsList();
    var steps = events.stream().filter(e -> e.getResource().equals(ENTRY)).map(e -> e.getAction() + " "
        + e.getPerson()).toList().reversed();
    assertEquals(List.of("create " + MEMBER, "submit " + MEMBER, "approve " + CHAIR, "publish " + PUBLISHER, "update " + MEMBER,
        "submit " + MEMBER, "return " + CHAIR, "submit " + MEMBER, "approve " + CHAIR, "publish " + PUBLISHER),
        steps);
    var approved = events.stream().filter(e -> e.getAction().equals("approve")).findFirst().orElseThrow();
    assertEquals(List.of("state"), approved.getChangedFieldsList());
    var created = events.stream().filter(e -> e.getAction().equals("create")
        && e.getResource().contains("/outturns/")).toList();
    assertEquals(2, created.size(), "the figure and its correction, the retried save once: " + created);
    assertTrue(created.stream().allMatch(e -> e.getPerson().equals(MEMBER)
        && e.getIssuer().equals(TestIssuer.ISSUER)), created.toString());
    assertTrue(created.stream().anyMatch(e -> e.getRequestId().equals("6a1f0c1e-flow-1")), created.toString());
  }
}
