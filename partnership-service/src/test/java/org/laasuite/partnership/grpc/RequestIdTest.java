package org.laasuite.partnership.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.protobuf.ByteString;
import com.google.type.Date;
import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.partnership.v1.*;
import org.laasuite.testkit.Concurrently;
import org.laasuite.testkit.OwnDatabaseTest;

/** A create or import retried with its request_id writes once and answers what it answered first. */
@MicronautTest(transactional = false)
class RequestIdTest extends OwnDatabaseTest {

  @Inject
  PartnershipServiceGrpc.PartnershipServiceBlockingStub client;

  @BeforeAll
  void aBodyAndAPerson() {
    client.createBody(CreateBodyRequest.newBuilder().setBody(Body.newBuilder().setId("retry-board")
        .setTitle("Retry board").setType(BodyType.BODY_TYPE_PARTNERSHIP_BOARD)).build());
    client.createPerson(CreatePersonRequest.newBuilder().setPerson(Person.newBuilder().setId("sam")
        .setDisplayName("Sam")).build());
  }

  private static CreateMembershipRequest membership(String requestId, Role role) {
    return CreateMembershipRequest.newBuilder().setParent("bodies/retry-board").setRequestId(requestId)
        .setMembership(Membership.newBuilder().setPerson("people/sam").setRole(role)
            .setStartDate(Date.newBuilder().setYear(2007).setMonth(4).setDay(1))).build();
  }

  @Test
  void aRetriedMembershipWritesOnceAndAnotherBodyIsRefused() throws Exception {
    var request = membership(UUID.randomUUID().toString(), Role.ROLE_ADVISOR);
    long before = db.rows("membership");
    assertEquals(client.createMembership(request), client.createMembership(request));
    assertEquals(before + 1, db.rows("membership"));
    expectInvalid(() -> client.createMembership(membership(request.getRequestId(), Role.ROLE_CHAIR)), "request_id");
    assertEquals(before + 1, db.rows("membership"));
  }

  @Test
  void twoIdenticalMembershipsAtOnceWriteOnce() throws Exception {
    var request = membership(UUID.randomUUID().toString(), Role.ROLE_ADVISOR);
    long before = db.rows("membership");
    List<Membership> answers = Concurrently.twice(() -> client.createMembership(request));
    assertEquals(answers.get(0), answers.get(1));
    assertEquals(before + 1, db.rows("membership"));
  }

  @Test
  void aRetriedImportImportsOnce() throws Exception {
    String yaml = """
        organisations:
          - {id: retried-org, name: Retried Org, sector: VOLUNTARY}
        """;
    var request = ImportPartnershipRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
        .setContent(ByteString.copyFromUtf8(yaml)).build();
    long before = db.rows("organisation");
    var first = client.importPartnership(request);
    assertEquals(List.of(), first.getProblemsList());
    assertEquals(first, client.importPartnership(request));
    assertEquals(before + 1, db.rows("organisation"));
  }

  @Test
  void aRetriedOrganisationOfTheSameBodyAnswersItAndAnotherIsAlreadyThere() throws Exception {
    var request = CreateOrganisationRequest.newBuilder().setOrganisation(Organisation.newBuilder()
        .setId("again-org").setTitle("Again Org").setSector(Sector.SECTOR_VOLUNTARY)).build();
    Organisation first = client.createOrganisation(request);
    long before = db.rows("organisation");
    assertEquals(first, client.createOrganisation(request));
    assertEquals(before, db.rows("organisation"));
    expect(Status.Code.ALREADY_EXISTS, () -> client.createOrganisation(request.toBuilder()
        .setOrganisation(request.getOrganisation().toBuilder().setTitle("Other Org")).build()));
  }

  @Test
  void aRetriedPersonOfTheSameBodyAnswersThemAndAnotherIsAlreadyThere() throws Exception {
    client.createOrganisation(CreateOrganisationRequest.newBuilder().setOrganisation(Organisation.newBuilder()
        .setId("again-employer").setTitle("Again Employer")).build());
    var request = CreatePersonRequest.newBuilder().setPerson(Person.newBuilder().setId("again-person")
        .setDisplayName("Pat Again").setJobTitle("Officer").setOrganisation("organisations/again-employer")
        .addAlsoKnownAs("P. Again")).build();
    Person first = client.createPerson(request);
    long before = db.rows("person");
    assertEquals(first, client.createPerson(request));
    assertEquals(before, db.rows("person"));
    expect(Status.Code.ALREADY_EXISTS, () -> client.createPerson(request.toBuilder()
        .setPerson(request.getPerson().toBuilder().clearOrganisation()).build()));
  }

  @Test
  void aRetriedBodyOfTheSameBodyAnswersItAndAnotherIsAlreadyThere() throws Exception {
    var request = CreateBodyRequest.newBuilder().setBody(Body.newBuilder().setId("again-group")
        .setTitle("Again group").setType(BodyType.BODY_TYPE_THEME_GROUP).setParent("bodies/retry-board")
        .setQuorum(2)).build();
    Body first = client.createBody(request);
    long before = db.rows("body");
    assertEquals(first, client.createBody(request));
    assertEquals(before, db.rows("body"));
    expect(Status.Code.ALREADY_EXISTS, () -> client.createBody(request.toBuilder()
        .setBody(request.getBody().toBuilder().clearParent()).build()));
  }

  @Test
  void aRetriedMeetingOfTheSameBodyAnswersItWritingNothingAndAnotherIsAlreadyThere() throws Exception {
    var request = CreateMeetingRequest.newBuilder().setMeeting(Meeting.newBuilder().setId("retry-board-2008-01-10")
        .setBody("bodies/retry-board").setDate(Date.newBuilder().setYear(2008).setMonth(1).setDay(10))
        .addAttendance(Attendance.newBuilder().setPerson("people/sam")
            .setStatus(AttendanceStatus.ATTENDANCE_STATUS_PRESENT).setRole(Role.ROLE_CHAIR))
        .addItems(AgendaItem.newBuilder().setNumber(1).setTitle("Minutes").setPresenter("people/sam")
            .addDecisions("Agreed"))
        .addActions(Action.newBuilder().setItem(1).setText("Sam to circulate the minutes").setOwner("people/sam")))
        .build();
    Meeting first = client.createMeeting(request);
    List<String> tables = List.of("meeting", "attendance", "agenda_item", "action");
    List<Long> before = db.rows(tables);
    assertEquals(first, client.createMeeting(request));
    assertEquals(before, db.rows(tables));
    expect(Status.Code.ALREADY_EXISTS, () -> client.createMeeting(request.toBuilder()
        .setMeeting(request.getMeeting().toBuilder().clearActions()).build()));
    assertEquals(before, db.rows(tables));
  }
}
