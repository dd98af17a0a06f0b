package org.laasuite.partnership.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.AuditTrail.X_REQUEST_ID;
import static org.laasuite.testkit.AuditTrail.actions;
import static org.laasuite.testkit.AuditTrail.assertEvent;
import static org.laasuite.testkit.AuditTrail.field;
import static org.laasuite.testkit.AuditTrail.naming;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.protobuf.ByteString;
import com.google.type.Date;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.partnership.v1.*;
import org.laasuite.testkit.AuditTrail;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.type.v1.AuditEvent;
import org.laasuite.type.v1.ListAuditEventsRequest;

/**
 * Every write of the partnership service leaves one audit event, in its transaction, naming the caller (and the
 * person their sign-in is linked to, with their organisation), the method, the resource before and after, the
 * request_id, the call id and the client's address; a refused write leaves none, an import one for the whole data
 * set, and no one (the service's own database role included) changes or deletes an event.
 */
@MicronautTest(transactional = false)
class AuditTrailTest extends OwnDatabaseTest {

  private static final String SERVICE = "laa.partnership.v1.PartnershipService/";

  @Inject
  PartnershipServiceGrpc.PartnershipServiceBlockingStub admin;
  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;
  private final AuditTrail trail = new AuditTrail(r -> admin.listAuditEvents(r));

  private PartnershipServiceGrpc.PartnershipServiceBlockingStub as(String subject) {
    return PartnershipServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as(subject));
  }

  /** Sec Retary of the City Council sits on the secretariat, which manages meetings. */
  @BeforeAll
  void aSecretary() {
    admin.createOrganisation(CreateOrganisationRequest.newBuilder().setOrganisation(Organisation.newBuilder()
        .setId("city-council").setTitle("City Council")).build());
    admin.createPerson(CreatePersonRequest.newBuilder().setPerson(Person.newBuilder().setId("sec")
        .setDisplayName("Sec Retary").setOrganisation("organisations/city-council")).build());
    admin.createBody(CreateBodyRequest.newBuilder().setBody(Body.newBuilder().setId("secretariat")
        .setTitle("Secretariat").setType(BodyType.BODY_TYPE_SECRETARIAT)).build());
    admin.createMembership(CreateMembershipRequest.newBuilder().setParent("bodies/secretariat").setMembership(
        Membership.newBuilder().setPerson("people/sec").setRole(Role.ROLE_MEMBER)
            .setStartDate(Date.newBuilder().setYear(2007).setMonth(4).setDay(1))).build());
    admin.createSignInLink(CreateSignInLinkRequest.newBuilder().setParent("people/sec").setSignInLink(
        SignInLink.newBuilder().setIssuer(TestIssuer.ISSUER).setSubject("sub-sec")).build());
  }

  private static CreateMeetingRequest meeting(String id) {
    return CreateMeetingRequest.newBuilder().setMeeting(Meeting.newBuilder().setId(id).setBody("bodies/secretariat")
        .setDate(Date.newBuilder().setYear(2008).setMonth(1).setDay(10))
        .addItems(AgendaItem.newBuilder().setNumber(1).setTitle("Figures"))
        .addActions(Action.newBuilder().setItem(1).setText("Report the figures").setOwner("people/sec"))).build();
  }

  @Test
  void theSetUpsWritesAreEachAnEventUnderTheirOwnName() {
    assertEquals(List.of("create"), actions(trail.events("organisations/city-council")));
    AuditEvent member = trail.events("bodies/secretariat/").getFirst();
    assertTrue(member.getResource().startsWith("bodies/secretariat/memberships/"), member.getResource());
    assertEquals("people/sec", field(member.getAfter(), "person"));
    assertEquals(1, trail.events("bodies/secretariat").size());
    assertEquals("Sec Retary", field(trail.events("people/sec").getLast().getAfter(), "display_name"));
  }

  @Test
  void aCreateAnUpdateAndADeleteEachLeaveOneEventNamingTheCallerAndTheRequest() {
    AtomicReference<Metadata> answered = new AtomicReference<>();
    String requestId = UUID.randomUUID().toString();
    Meeting m = naming(as("sub-sec"), "call-meeting-1", answered).createMeeting(meeting("secretariat-2008-01-10")
        .toBuilder().setRequestId(requestId).build());
    assertEquals("call-meeting-1", answered.get().get(X_REQUEST_ID));
    Action action = m.getActions(0);
    naming(as("sub-sec"), "call-done-1", answered).updateActionStatus(UpdateActionStatusRequest.newBuilder()
        .setName(action.getName()).setStatus(ActionStatus.ACTION_STATUS_DONE).setNote("Reported").build());
    SignInLink link = admin.createSignInLink(CreateSignInLinkRequest.newBuilder().setParent("people/sec")
        .setSignInLink(SignInLink.newBuilder().setIssuer("https://other.example.org").setSubject("sec-elsewhere"))
        .build());
    naming(admin, "call-unlink-1", answered).deleteSignInLink(DeleteSignInLinkRequest.newBuilder()
        .setName(link.getName()).build());

    AuditEvent created = trail.events(m.getName()).getFirst();
    assertEvent(created, SERVICE + "CreateMeeting", "create", m.getName(), "sub-sec", requestId, "call-meeting-1");
    assertEquals(List.of("people/sec", "organisations/city-council"),
        List.of(created.getPerson(), created.getOrganisation()), "the person the sign-in is linked to");
    assertFalse(created.hasBefore());
    assertEquals("Figures", created.getAfter().getFieldsOrThrow("items").getListValue().getValues(0)
        .getStructValue().getFieldsOrThrow("title").getStringValue());

    AuditEvent done = trail.events(action.getName()).getFirst();
    assertEvent(done, SERVICE + "UpdateActionStatus", "update", action.getName(), "sub-sec", "", "call-done-1");
    assertEquals(List.of("ACTION_STATUS_OPEN", "ACTION_STATUS_DONE"),
        List.of(field(done.getBefore(), "status"), field(done.getAfter(), "status")));
    assertEquals(List.of("status", "note", "etag"), done.getChangedFieldsList());

    List<AuditEvent> linkEvents = trail.events(link.getName());
    assertEquals(List.of("delete", "create"), actions(linkEvents));
    AuditEvent unlinked = linkEvents.getFirst();
    assertEvent(unlinked, SERVICE + "DeleteSignInLink", "delete", link.getName(), TestIssuer.ADMIN, "",
        "call-unlink-1");
    assertEquals("sec-elsewhere", field(unlinked.getBefore(), "subject"));
    assertFalse(unlinked.hasAfter());

    // A person's change (their e-mail for reminders): before, after and the fields changed.
    admin.updatePerson(UpdatePersonRequest.newBuilder().setPerson(Person.newBuilder().setName("people/sec")
        .setEmail("sec.retary@example.org")).setUpdateMask(com.google.protobuf.FieldMask.newBuilder()
        .addPaths("email")).build());
    AuditEvent changed = trail.events("people/sec").getFirst();
    assertEquals("update", changed.getAction());
    assertEquals("", changed.getBefore().getFieldsOrDefault("email", com.google.protobuf.Value.newBuilder()
        .setStringValue("").build()).getStringValue(), "no address before");
    assertEquals("sec.retary@example.org", field(changed.getAfter(), "email"));
    assertTrue(changed.getChangedFieldsList().contains("email"), changed.getChangedFieldsList().toString());
  }

  @Test
  void aRefusedWriteLeavesNoEvent() throws Exception {
    long before = db.rows("audit_event");
    expectInvalid(() -> admin.createPerson(CreatePersonRequest.newBuilder().setPerson(Person.newBuilder()
        .setId("nobody").setDisplayName("No One").setOrganisation("organisations/nowhere")).build()),
        "person.organisation");
    expect(Status.Code.ALREADY_EXISTS, () -> admin.createOrganisation(CreateOrganisationRequest.newBuilder()
        .setOrganisation(Organisation.newBuilder().setId("city-council").setTitle("Another council")).build()));
    expect(Status.Code.PERMISSION_DENIED, () -> as("sub-sec").createOrganisation(CreateOrganisationRequest
        .newBuilder().setOrganisation(Organisation.newBuilder().setId("not-allowed").setTitle("No")).build()));
    expect(Status.Code.NOT_FOUND, () -> admin.deleteSignInLink(DeleteSignInLinkRequest.newBuilder()
        .setName("people/sec/signInLinks/999999").build()));
    assertEquals(before, db.rows("audit_event"));
  }

  @Test
  void anImportIsOneEventForTheWholeDataSetAndARefusedOneNone() throws Exception {
    String yaml = """
        organisations:
          - {id: imported-org, name: Imported Organisation, sector: PUBLIC}
        people:
          - {id: imported-person, name: Imported Person, organisation: imported-org}
        bodies:
          - {id: imported-body, name: Imported Body, type: THEME_GROUP}
        """;
    long before = db.rows("audit_event");
    ImportPartnershipResponse refused = admin.importPartnership(ImportPartnershipRequest.newBuilder()
        .setContent(ByteString.copyFromUtf8(yaml.replace("THEME_GROUP", "SIDEWAYS"))).build());
    assertFalse(refused.getWritten());
    assertEquals(before, db.rows("audit_event"));

    ImportPartnershipResponse imported = admin.importPartnership(ImportPartnershipRequest.newBuilder()
        .setContent(ByteString.copyFromUtf8(yaml)).build());
    assertTrue(imported.getWritten(), imported::toString);
    assertEquals(before + 1, db.rows("audit_event"), "one event, not one per organisation, person or body");
    AuditEvent e = trail.events("partnership").getFirst();
    assertEvent(e, SERVICE + "ImportPartnership", "import", "partnership", TestIssuer.ADMIN, "", e.getCallId());
    assertEquals(1, e.getAfter().getFieldsOrThrow("people").getNumberValue());
    assertEquals(List.of(), trail.events("people/imported-person"));
  }

  @Test
  void theTrailIsFilteredByPersonAndTime() {
    as("sub-sec").createMeeting(meeting("secretariat-2008-02-14"));
    admin.createOrganisation(CreateOrganisationRequest.newBuilder().setOrganisation(Organisation.newBuilder()
        .setId("later-org").setTitle("Later")).build());
    List<AuditEvent> secs = trail.events(ListAuditEventsRequest.newBuilder().setPerson("people/sec")
        .setResource("meetings/secretariat-2008-02-14"));
    assertEquals(1, secs.size());
    assertTrue(trail.events(ListAuditEventsRequest.newBuilder().setPerson("people/sec")).stream()
        .allMatch(e -> e.getSubject().equals("sub-sec")), "only the secretary's");
    trail.assertTimeRangeAround(secs.getFirst(), "organisations/later-org");
  }

  @Test
  void readingTheTrailNeedsTheRightToManageThePartnership() {
    expect(Status.Code.PERMISSION_DENIED, () -> as("sub-sec").listAuditEvents(
        ListAuditEventsRequest.getDefaultInstance()));
  }

  @Test
  void badFiltersAreRefusedNamingEachField() {
    trail.assertBadFiltersAreRefused();
  }

  @Test
  void theServicesOwnDatabaseRoleCanNeitherChangeNorDeleteAnEvent() {
    trail.assertAppendOnly(db, "people/sec");
  }
}
