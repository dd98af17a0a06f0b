package org.laasuite.partnership.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.errorInfo;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.protobuf.FieldMask;
import com.google.type.Date;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.partnership.v1.*;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.type.v1.ListAuditEventsRequest;

/**
 * The meeting cycle: a meeting is scheduled, its agenda published, it is held and minuted, its minutes
 * corrected (the earlier version kept), and the next meeting of the body approves them, after which they
 * no longer change. Only the secretariat manages meetings.
 */
@MicronautTest(transactional = false)
class MeetingCycleTest extends OwnDatabaseTest {

  @Inject
  PartnershipServiceGrpc.PartnershipServiceBlockingStub admin;
  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;

  private static Date date(int y, int m, int d) {
    return Date.newBuilder().setYear(y).setMonth(m).setDay(d).build();
  }

  @BeforeAll
  void aSmallPartnership() {
    for (String[] p : List.of(new String[] {"sam", "Sam Chair"}, new String[] {"sec", "Sec Retary"},
        new String[] {"vis", "Vi Sitor"})) {
      admin.createPerson(CreatePersonRequest.newBuilder().setPerson(Person.newBuilder().setId(p[0])
          .setDisplayName(p[1])).build());
    }
    admin.createBody(CreateBodyRequest.newBuilder().setBody(Body.newBuilder().setId("safety").setTitle("Community "
        + "Safety Partnership").setType(BodyType.BODY_TYPE_THEME_GROUP)).build());
    admin.createBody(CreateBodyRequest.newBuilder().setBody(Body.newBuilder().setId("secretariat").setTitle(
        "Secretariat").setType(BodyType.BODY_TYPE_SECRETARIAT)).build());
    for (String[] m : List.of(new String[] {"safety", "sam"}, new String[] {"secretariat", "sec"})) {
      admin.createMembership(CreateMembershipRequest.newBuilder().setParent("bodies/" + m[0]).setMembership(
          Membership.newBuilder().setPerson("people/" + m[1]).setRole(Role.ROLE_MEMBER)
              .setStartDate(date(2007, 4, 1))).build());
    }
    for (String p : List.of("sec", "vis")) {
      admin.createSignInLink(CreateSignInLinkRequest.newBuilder().setParent("people/" + p).setSignInLink(SignInLink
          .newBuilder().setIssuer(TestIssuer.ISSUER).setSubject("sub-" + p)).build());
    }
  }

  private PartnershipServiceGrpc.PartnershipServiceBlockingStub as(String subject) {
    return PartnershipServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as(subject));
  }

  private Meeting schedule(String id, Date on) {
    return as("sub-sec").createMeeting(CreateMeetingRequest.newBuilder().setMeeting(Meeting.newBuilder().setId(id)
        .setBody("bodies/safety").setDate(on).setStartTime("10:00").setPlace("Council House")
        .setStatus(MeetingStatus.MEETING_STATUS_SCHEDULED)
        .addItems(AgendaItem.newBuilder().setNumber(1).setTitle("Minutes of the last meeting"))
        .addItems(AgendaItem.newBuilder().setNumber(2).setTitle("Performance report")
            .setDescription("NI-16 Burglary: Red\nNI-20 Assault: Amber"))).build());
  }

  private static UpdateMeetingRequest update(Meeting m, String... paths) {
    return UpdateMeetingRequest.newBuilder().setMeeting(m).setUpdateMask(FieldMask.newBuilder()
        .addAllPaths(List.of(paths))).build();
  }

  private Meeting publish(Meeting m) {
    return as("sub-sec").updateMeeting(update(m.toBuilder().setStatus(MeetingStatus.MEETING_STATUS_AGENDA_PUBLISHED)
        .build(), "status"));
  }

  private Meeting minute(Meeting m, String minutes) {
    return as("sub-sec").updateMeeting(update(m.toBuilder().setStatus(MeetingStatus.MEETING_STATUS_HELD)
        .addAttendance(Attendance.newBuilder().setPerson("people/sam").setStatus(AttendanceStatus.ATTENDANCE_STATUS_PRESENT))
        .addAttendance(Attendance.newBuilder().setPerson("people/sec")
            .setStatus(AttendanceStatus.ATTENDANCE_STATUS_IN_ATTENDANCE))
        .setItems(1, m.getItems(1).toBuilder().setMinutes(minutes).addDecisions("The report was noted."))
        .addActions(Action.newBuilder().setItem(2).setText("Bring a recovery plan for burglary")
            .setOwner("people/sam").setDueDate(date(m.getDate().getYear() + 1, 3, 1)).addIndicators("indicators/NI-16"))
        .build(), "status", "attendance", "items", "actions"));
  }

  @Test
  void aMeetingIsScheduledPublishedMinutedCorrectedAndApprovedAtTheNextMeeting() {
    Meeting scheduled = schedule("safety-2008-01-10", date(2008, 1, 10));
    assertEquals(MeetingStatus.MEETING_STATUS_SCHEDULED, scheduled.getStatus());
    assertEquals("NI-16 Burglary: Red\nNI-20 Assault: Amber", scheduled.getItems(1).getDescription(),
        "what the agenda prints under the item");
    Meeting published = publish(scheduled);
    assertEquals(MeetingStatus.MEETING_STATUS_AGENDA_PUBLISHED, published.getStatus());
    assertNotEquals(scheduled.getEtag(), published.getEtag(), "every update changes the etag");

    Meeting held = minute(published, "Burglary is above target in the priority neighbourhoods.");
    assertEquals(MeetingStatus.MEETING_STATUS_HELD, held.getStatus());
    assertEquals(List.of("people/sam", "people/sec"), held.getAttendanceList().stream().map(Attendance::getPerson)
        .toList());
    assertEquals(List.of("The report was noted."), held.getItems(1).getDecisionsList());
    assertEquals("people/sam", held.getActions(0).getOwner());
    assertEquals(date(2008, 1, 10), held.getActions(0).getMeetingDate(), "the update's answer dates the action");
    assertEquals(0, held.getMinutesRevisionCount(), "minuting a meeting the first time is no revision");
    assertEquals(scheduled.getItems(1).getDescription(), held.getItems(1).getDescription(), "the agenda as published");

    // A correction before approval keeps the earlier minutes as a revision.
    Meeting corrected = as("sub-sec").updateMeeting(update(held.toBuilder().setItems(1, held.getItems(1).toBuilder()
        .setMinutes("Burglary is above target in two priority neighbourhoods.")).build(), "items"));
    assertEquals("Burglary is above target in two priority neighbourhoods.", corrected.getItems(1).getMinutes());
    assertEquals(1, corrected.getMinutesRevisionCount());
    assertEquals(held.getActions(0).getName(), corrected.getActions(0).getName(), "an action listed by name is kept");
    var revisions = admin.listMinutesRevisions(ListMinutesRevisionsRequest.newBuilder()
        .setParent(held.getName()).build()).getMinutesRevisionsList();
    assertEquals(1, revisions.size());
    assertEquals("meetings/safety-2008-01-10/minutesRevisions/1", revisions.get(0).getName());
    assertEquals("Burglary is above target in the priority neighbourhoods.",
        revisions.get(0).getMeeting().getItems(1).getMinutes());

    // The next meeting of the body approves them.
    Meeting next = publish(schedule("safety-2008-03-13", date(2008, 3, 13)));
    Meeting approved = as("sub-sec").approveMinutes(ApproveMinutesRequest.newBuilder().setName(held.getName())
        .setApprovingMeeting(next.getName()).build());
    assertEquals("meetings/safety-2008-03-13", approved.getMinutesApproval().getApprovingMeeting());
    assertEquals(date(2008, 3, 13), approved.getMinutesApproval().getDate());
    assertEquals("Agreed as a true and accurate record", approved.getMinutesApproval().getWording());
    assertEquals(approved.getMinutesApproval(), admin.getMeeting(GetMeetingRequest.newBuilder()
        .setName(held.getName()).build()).getMinutesApproval());

    // Approved minutes no longer change.
    var refused = expect(Status.Code.FAILED_PRECONDITION, () -> as("sub-sec").updateMeeting(update(approved
        .toBuilder().setItems(1, approved.getItems(1).toBuilder().setMinutes("Rewritten")).build(), "items")));
    assertEquals("MINUTES_APPROVED", errorInfo(refused).getReason());
    assertTrue(refused.getMessage().contains("meetings/safety-2008-03-13"),
        refused.getMessage());
    assertEquals("Burglary is above target in two priority neighbourhoods.", admin.getMeeting(GetMeetingRequest
        .newBuilder().setName(held.getName()).build()).getItems(1).getMinutes());

    // Each write left an audit event.
    var events = admin.listAuditEvents(ListAuditEventsRequest.newBuilder().setResource(held.getName()).build())
        .getEventsList();
    assertEquals(List.of("create", "update", "update", "update", "update"),
        events.reversed().stream().map(e -> e.getAction()).toList());
    assertTrue(events.getFirst().getMethod().endsWith("ApproveMinutes"), events.getFirst().getMethod());
  }

  @Test
  void statusMovesOtherThanTheCycleAreRefused() {
    Meeting m = schedule("safety-2008-05-15", date(2008, 5, 15));
    var skipped = expect(Status.Code.FAILED_PRECONDITION, () -> as("sub-sec").updateMeeting(update(m.toBuilder()
        .setStatus(MeetingStatus.MEETING_STATUS_HELD).build(), "status")));
    assertEquals("MEETING_STATUS_TRANSITION", errorInfo(skipped).getReason());
    Meeting cancelled = as("sub-sec").updateMeeting(update(m.toBuilder()
        .setStatus(MeetingStatus.MEETING_STATUS_CANCELLED).build(), "status"));
    var revived = expect(Status.Code.FAILED_PRECONDITION, () -> as("sub-sec").updateMeeting(update(cancelled
        .toBuilder().setStatus(MeetingStatus.MEETING_STATUS_AGENDA_PUBLISHED).build(), "status")));
    assertEquals("MEETING_STATUS_TRANSITION", errorInfo(revived).getReason());
    assertEquals(MeetingStatus.MEETING_STATUS_CANCELLED, admin.getMeeting(GetMeetingRequest.newBuilder()
        .setName(m.getName()).build()).getStatus());

    Meeting early = schedule("safety-2008-07-10", date(2008, 7, 10));
    var attendance = expect(Status.Code.INVALID_ARGUMENT, () -> as("sub-sec").updateMeeting(update(early.toBuilder()
        .addAttendance(Attendance.newBuilder().setPerson("people/sam")
            .setStatus(AttendanceStatus.ATTENDANCE_STATUS_PRESENT)).build(), "attendance")));
    assertTrue(attendance.getMessage().contains("meeting.attendance"),
        attendance.getMessage());
    var stale = expect(Status.Code.ABORTED, () -> as("sub-sec").updateMeeting(update(early.toBuilder()
        .setPlace("Elsewhere").setEtag("\"1-99\"").build(), "place")));
    assertEquals("ETAG_MISMATCH", errorInfo(stale).getReason());
    var unknown = expect(Status.Code.INVALID_ARGUMENT, () -> as("sub-sec").updateMeeting(update(early, "body")));
    assertTrue(unknown.getMessage().contains("update_mask"), unknown.getMessage());
  }

  @Test
  void minutesAreApprovedOnlyByTheNextMeetingOfTheSameBody() {
    Meeting held = minute(publish(schedule("safety-2009-01-08", date(2009, 1, 8))), "Noted.");
    Meeting notYet = schedule("safety-2008-12-11", date(2008, 12, 11));
    var earlier = expect(Status.Code.INVALID_ARGUMENT, () -> as("sub-sec").approveMinutes(ApproveMinutesRequest
        .newBuilder().setName(held.getName()).setApprovingMeeting(notYet.getName()).build()));
    assertTrue(earlier.getMessage().contains("approving_meeting"));
    Meeting second = publish(schedule("safety-2009-02-12", date(2009, 2, 12)));
    Meeting third = publish(schedule("safety-2009-03-12", date(2009, 3, 12)));
    var skipping = expect(Status.Code.FAILED_PRECONDITION, () -> as("sub-sec").approveMinutes(ApproveMinutesRequest
        .newBuilder().setName(held.getName()).setApprovingMeeting(third.getName()).build()));
    assertEquals("NOT_NEXT_MEETING", errorInfo(skipping).getReason());
    var unheld = expect(Status.Code.FAILED_PRECONDITION, () -> as("sub-sec").approveMinutes(ApproveMinutesRequest
        .newBuilder().setName(second.getName()).setApprovingMeeting(third.getName()).build()));
    assertEquals("MEETING_NOT_HELD", errorInfo(unheld).getReason());
    assertFalse(admin.getMeeting(GetMeetingRequest.newBuilder().setName(held.getName()).build())
        .hasMinutesApproval());
  }

  @Test
  void aVisitorWithoutTheRightToManageMeetingsIsRefusedAndNothingChanges() {
    Meeting m = schedule("safety-2010-01-14", date(2010, 1, 14));
    var denied = expect(Status.Code.PERMISSION_DENIED, () -> as("sub-vis").updateMeeting(update(m.toBuilder()
        .setStatus(MeetingStatus.MEETING_STATUS_AGENDA_PUBLISHED).build(), "status")));
    assertTrue(denied.getMessage().contains(m.getName()), denied.getMessage());
    expect(Status.Code.PERMISSION_DENIED, () -> as("sub-vis").approveMinutes(ApproveMinutesRequest.newBuilder()
        .setName(m.getName()).setApprovingMeeting(m.getName()).build()));
    assertEquals(MeetingStatus.MEETING_STATUS_SCHEDULED, admin.getMeeting(GetMeetingRequest.newBuilder()
        .setName(m.getName()).build()).getStatus());
  }

  @Test
  void aRetriedUpdateWithTheSameRequestIdWritesOnce() {
    Meeting m = schedule("safety-2010-03-11", date(2010, 3, 11));
    var r = update(m.toBuilder().setPlace("Civic Centre").build(), "place").toBuilder()
        .setRequestId("b2f8a4d0-5c1e-4a8e-9d55-2a0c0e0f1a11").build();
    Meeting first = as("sub-sec").updateMeeting(r);
    Meeting again = as("sub-sec").updateMeeting(r);
    assertEquals(first, again);
    assertEquals(first.getEtag(), admin.getMeeting(GetMeetingRequest.newBuilder().setName(m.getName()).build())
        .getEtag(), "the retry wrote nothing");
  }

  @Test
  void decisionsAreListedByTheIndicatorAndTheCommitmentTheyConcern() {
    Meeting held = minute(publish(schedule("safety-2011-01-13", date(2011, 1, 13))), "Noted.");
    Meeting decided = as("sub-sec").updateMeeting(update(held.toBuilder()
        .addDecisions(Decision.newBuilder().setItem(2).setText("Fund two more wardens from the Safer Stronger fund")
            .addIndicators("indicators/NI-16").addCommitments("commitments/ssc-wardens"))
        .addDecisions(Decision.newBuilder().setItem(2).setText("Refer the fear of crime survey to the board")
            .addIndicators("indicators/NI-21"))
        .build(), "decisions"));
    assertEquals(2, decided.getDecisionsCount());
    assertEquals(1, decided.getMinutesRevisionCount(), "decisions are minutes: the earlier version is kept");
    var byIndicator = admin.listDecisions(ListDecisionsRequest.newBuilder().setIndicator("indicators/NI-16").build())
        .getDecisionsList();
    assertEquals(List.of("Fund two more wardens from the Safer Stronger fund"), byIndicator.stream()
        .map(Decision::getText).toList());
    assertEquals(held.getName(), byIndicator.getFirst().getMeeting());
    assertEquals(date(2011, 1, 13), byIndicator.getFirst().getMeetingDate(), "the meeting's date, to list it by");
    assertEquals("bodies/safety", byIndicator.getFirst().getBody());
    assertEquals(decided.getDecisions(0), byIndicator.getFirst(), "as the meeting gives it");
    var byCommitment = admin.listDecisions(ListDecisionsRequest.newBuilder().setCommitment("commitments/ssc-wardens")
        .build()).getDecisionsList();
    assertEquals(byIndicator, byCommitment);
    assertEquals(List.of(), admin.listDecisions(ListDecisionsRequest.newBuilder()
        .setCommitment("commitments/other").build()).getDecisionsList());
    var bad = expect(Status.Code.INVALID_ARGUMENT, () -> as("sub-sec").updateMeeting(update(decided.toBuilder()
        .addDecisions(Decision.newBuilder().setItem(9).setText("Under no item").addCommitments("not a name")).build(),
        "decisions")));
    assertTrue(bad.getMessage().contains("meeting.decisions[2]"), bad.getMessage());
  }

  private static Meeting.Builder heldMeeting(String id, Date on) {
    return Meeting.newBuilder().setId(id).setBody("bodies/safety").setDate(on)
        .setStatus(MeetingStatus.MEETING_STATUS_HELD)
        .addAttendance(Attendance.newBuilder().setPerson("people/sam").setStatus(AttendanceStatus.ATTENDANCE_STATUS_PRESENT))
        .addItems(AgendaItem.newBuilder().setNumber(1).setTitle("Neighbourhood wardens"));
  }

  private List<String> actionsOn(String commitment) {
    return admin.listActions(ListActionsRequest.newBuilder().setCommitment(commitment).build()).getActionsList()
        .stream().map(Action::getText).toList();
  }

  @Test
  void actionsOnCommitmentsAreRecordedReturnedAndListedByTheCommitment() {
    Meeting created = as("sub-sec").createMeeting(CreateMeetingRequest.newBuilder().setMeeting(heldMeeting(
        "safety-2011-03-10", date(2011, 3, 10))
        .addActions(Action.newBuilder().setItem(1).setText("Report the wardens' first quarter").setOwner("people/sam")
            .addCommitments("commitments/cm-wardens").addIndicators("indicators/NI-21"))
        .addActions(Action.newBuilder().setItem(1).setText("Find a successor for the fund").setOwner("people/sam")))
        .build());
    assertEquals(List.of("commitments/cm-wardens"), created.getActions(0).getCommitmentsList());
    assertEquals(List.of(), created.getActions(1).getCommitmentsList());
    assertEquals(date(2011, 3, 10), created.getActions(1).getMeetingDate(), "the create's answer dates the action");
    assertEquals(created.getActionsList(), admin.getMeeting(GetMeetingRequest.newBuilder()
        .setName(created.getName()).build()).getActionsList());
    assertEquals(List.of("Report the wardens' first quarter"), actionsOn("commitments/cm-wardens"));

    // UpdateMeeting puts the second action on two commitments; the first keeps its own.
    Meeting updated = as("sub-sec").updateMeeting(update(created.toBuilder().setActions(1, created.getActions(1)
        .toBuilder().addCommitments("commitments/cm-wardens").addCommitments("commitments/cm-cctv")).build(),
        "actions"));
    assertEquals(created.getActions(1).getName(), updated.getActions(1).getName(), "the same action, changed");
    assertEquals(List.of("commitments/cm-wardens", "commitments/cm-cctv"), updated.getActions(1).getCommitmentsList());
    assertEquals(List.of("Report the wardens' first quarter", "Find a successor for the fund"),
        actionsOn("commitments/cm-wardens"));
    assertEquals(List.of("Find a successor for the fund"), actionsOn("commitments/cm-cctv"));
    assertEquals(List.of(), actionsOn("commitments/cm-other"));
    // The commitment filter combines with the others.
    assertEquals(List.of(), admin.listActions(ListActionsRequest.newBuilder().setCommitment("commitments/cm-cctv")
        .setIndicator("indicators/NI-21").build()).getActionsList());
  }

  @Test
  void commitmentsNamedInAnotherFormOrTwiceAreRefusedNamingTheField() {
    expectInvalid(() -> as("sub-sec").createMeeting(CreateMeetingRequest.newBuilder().setMeeting(heldMeeting(
        "safety-2011-05-12", date(2011, 5, 12))
        .addActions(Action.newBuilder().setItem(1).setText("Fund it").setOwner("people/sam")
            .addCommitments("fundingStreams/nrf").addCommitments("commitments/a").addCommitments("commitments/a")))
        .build()), "meeting.actions[0].commitments[0]", "meeting.actions[0].commitments[2]");
    expect(Status.Code.NOT_FOUND, () -> admin.getMeeting(GetMeetingRequest.newBuilder()
        .setName("meetings/safety-2011-05-12").build()));
    expectInvalid(() -> admin.listActions(ListActionsRequest.newBuilder().setCommitment("wardens").build()),
        "commitment");
  }

  @Test
  void createMeetingRecordsTheMeetingsDecisionsAllOrNothing() {
    Meeting.Builder asked = heldMeeting("safety-2011-07-14", date(2011, 7, 14))
        .addDecisions(Decision.newBuilder().setItem(1).setText("Extend the wardens to March 2012")
            .addCommitments("commitments/cm-extension").addIndicators("indicators/NI-17"));
    // One decision under an item the meeting does not have: nothing at all is recorded.
    expectInvalid(() -> as("sub-sec").createMeeting(CreateMeetingRequest.newBuilder().setMeeting(asked.clone()
        .addDecisions(Decision.newBuilder().setItem(4).setText("Under no item"))).build()),
        "meeting.decisions[1].item");
    expect(Status.Code.NOT_FOUND, () -> admin.getMeeting(GetMeetingRequest.newBuilder()
        .setName("meetings/safety-2011-07-14").build()));
    assertEquals(List.of(), admin.listDecisions(ListDecisionsRequest.newBuilder()
        .setCommitment("commitments/cm-extension").build()).getDecisionsList());

    Meeting created = as("sub-sec").createMeeting(CreateMeetingRequest.newBuilder().setMeeting(asked).build());
    assertEquals(1, created.getDecisionsCount());
    Decision d = created.getDecisions(0);
    assertEquals("Extend the wardens to March 2012", d.getText());
    assertEquals(1, d.getItem());
    assertEquals(created.getName(), d.getMeeting());
    assertTrue(d.getName().startsWith("decisions/"), d.getName());
    assertEquals(created.getDecisionsList(), admin.getMeeting(GetMeetingRequest.newBuilder()
        .setName(created.getName()).build()).getDecisionsList());
    assertEquals(List.of(d), admin.listDecisions(ListDecisionsRequest.newBuilder()
        .setCommitment("commitments/cm-extension").build()).getDecisionsList());
    assertEquals(List.of(d), admin.listDecisions(ListDecisionsRequest.newBuilder()
        .setIndicator("indicators/NI-17").build()).getDecisionsList());
    // Sending the same meeting again answers it as it is and writes no second decision.
    assertEquals(created, as("sub-sec").createMeeting(CreateMeetingRequest.newBuilder().setMeeting(asked).build()));
    assertEquals(1, admin.listDecisions(ListDecisionsRequest.newBuilder().setCommitment("commitments/cm-extension")
        .build()).getDecisionsCount());
  }
}
