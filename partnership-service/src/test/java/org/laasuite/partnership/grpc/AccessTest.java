package org.laasuite.partnership.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.errorInfo;
import static org.laasuite.testkit.GrpcErrors.expect;

import com.google.type.Date;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.auth.BearerToken;
import org.laasuite.partnership.v1.*;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.testkit.TestIssuer;

/**
 * Rights come from the governance data: a sign-in an admin linked to a person carries the rights of that
 * person's organisation and current memberships, each with why; a membership that has ended gives none; and
 * only admins link sign-ins.
 */
@MicronautTest(transactional = false)
class AccessTest extends OwnDatabaseTest {

  @Inject
  PartnershipServiceGrpc.PartnershipServiceBlockingStub admin;
  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;

  private static Date date(LocalDate d) {
    return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
  }

  private void member(String body, String person, Role role, LocalDate end) {
    var m = Membership.newBuilder().setPerson("people/" + person).setRole(role)
        .setStartDate(date(LocalDate.of(2007, 4, 1)));
    if (end != null) {
      m.setEndDate(date(end));
    }
    admin.createMembership(CreateMembershipRequest.newBuilder().setParent("bodies/" + body).setMembership(m).build());
  }

  @BeforeAll
  void aSmallPartnership() {
    admin.createOrganisation(CreateOrganisationRequest.newBuilder().setOrganisation(Organisation.newBuilder()
        .setId("city-council").setTitle("City Council").setAccountableBody(true)).build());
    admin.createOrganisation(CreateOrganisationRequest.newBuilder().setOrganisation(Organisation.newBuilder()
        .setId("police").setTitle("Police")).build());
    for (String[] p : List.of(new String[] {"sam", "Sam Chair", "police", ""},
        new String[] {"fin", "Fin Officer", "city-council", "Finance Manager, Finance & ICT"},
        new String[] {"sec", "Sec Retary", "city-council", ""}, new String[] {"old", "Old Member", "", ""})) {
      var person = Person.newBuilder().setId(p[0]).setDisplayName(p[1]).setJobTitle(p[3]);
      if (!p[2].isEmpty()) {
        person.setOrganisation("organisations/" + p[2]);
      }
      admin.createPerson(CreatePersonRequest.newBuilder().setPerson(person).build());
    }
    admin.createBody(CreateBodyRequest.newBuilder().setBody(Body.newBuilder().setId("safety").setTitle("Community "
        + "Safety Partnership").setType(BodyType.BODY_TYPE_THEME_GROUP)).build());
    admin.createBody(CreateBodyRequest.newBuilder().setBody(Body.newBuilder().setId("secretariat").setTitle(
        "Secretariat").setType(BodyType.BODY_TYPE_SECRETARIAT)).build());
    member("safety", "sam", Role.ROLE_CHAIR, null);
    member("secretariat", "sec", Role.ROLE_MEMBER, null);
    member("safety", "old", Role.ROLE_MEMBER, LocalDate.now().minusDays(1));
    for (String p : List.of("sam", "fin", "sec", "old")) {
      admin.createSignInLink(CreateSignInLinkRequest.newBuilder().setParent("people/" + p).setSignInLink(SignInLink
          .newBuilder().setIssuer(TestIssuer.ISSUER).setSubject("sub-" + p)).build());
    }
  }

  private PartnershipServiceGrpc.PartnershipServiceBlockingStub as(String subject) {
    return PartnershipServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as(subject));
  }

  private static List<String> rights(CallerRights r) {
    return r.getRightsList().stream().map(x -> x.getPermission().name().substring("PERMISSION_".length()) + " "
        + x.getScope() + " (" + x.getReason() + ")").toList();
  }

  @Test
  void aLinkedSignInCarriesTheRightsOfThePersonsOrganisationAndCurrentMemberships() {
    CallerRights sam = as("sub-sam").getCallerRights(GetCallerRightsRequest.getDefaultInstance());
    assertEquals("people/sam", sam.getPerson());
    assertEquals("Sam Chair", sam.getDisplayName());
    assertEquals("organisations/police", sam.getOrganisation());
    assertEquals(List.of("ENTER_FIGURES organisations/police (of Police)",
        "UPDATE_ACTIONS people/sam (the actions they hold)",
        "ENTER_FIGURES bodies/safety (Chair of Community Safety Partnership since 2007-04-01)",
        "RECORD_JUDGEMENTS bodies/safety (Chair of Community Safety Partnership since 2007-04-01)",
        "APPROVE_FIGURES bodies/safety (Chair of Community Safety Partnership since 2007-04-01)",
        "UPDATE_ACTIONS bodies/safety (Chair of Community Safety Partnership since 2007-04-01)"), rights(sam));

    assertEquals(List.of("ENTER_FIGURES organisations/city-council (of City Council)",
        "MANAGE_FUNDING  (Finance Manager, Finance & ICT at City Council, the accountable body)",
        "UPDATE_ACTIONS people/fin (the actions they hold)"),
        rights(as("sub-fin").getCallerRights(GetCallerRightsRequest.getDefaultInstance())));
    assertEquals(List.of("ENTER_FIGURES organisations/city-council (of City Council)",
        "UPDATE_ACTIONS people/sec (the actions they hold)",
        "ENTER_FIGURES bodies/secretariat (Member of Secretariat since 2007-04-01)",
        "MANAGE_INDICATORS  (Member of Secretariat since 2007-04-01)",
        "PUBLISH_FIGURES  (Member of Secretariat since 2007-04-01)",
        "MANAGE_MEETINGS  (Member of Secretariat since 2007-04-01)",
        "UPDATE_ACTIONS  (Member of Secretariat since 2007-04-01)"),
        rights(as("sub-sec").getCallerRights(GetCallerRightsRequest.getDefaultInstance())));
    assertEquals(List.of("UPDATE_ACTIONS people/old (the actions they hold)"),
        rights(as("sub-old").getCallerRights(GetCallerRightsRequest.getDefaultInstance())),
        "a membership that has ended gives no right");
    CallerRights stranger = as("nobody").getCallerRights(GetCallerRightsRequest.getDefaultInstance());
    assertEquals("", stranger.getPerson());
    assertEquals("", stranger.getOrganisation());
    assertEquals(List.of(), stranger.getRightsList());
    assertEquals(rights(as("sub-sam").getCallerRights(GetCallerRightsRequest.getDefaultInstance())),
        rights(as("nobody").getCallerRights(GetCallerRightsRequest.newBuilder().setPerson("people/sam").build())),
        "anyone may see who may do what");
  }

  @Test
  void onePageListsEveryonesRightsAsEachPersonsOwnSays() {
    var page = as("nobody").listRights(ListRightsRequest.newBuilder().setPageSize(2).build());
    assertEquals(2, page.getPeopleCount());
    var all = new java.util.ArrayList<>(page.getPeopleList());
    all.addAll(as("nobody").listRights(ListRightsRequest.newBuilder().setPageSize(2)
        .setPageToken(page.getNextPageToken()).build()).getPeopleList());
    assertEquals(List.of("people/fin", "people/old", "people/sam", "people/sec"),
        all.stream().map(CallerRights::getPerson).toList(), "every person, in order");
    for (CallerRights person : all) {
      assertEquals(admin.getCallerRights(GetCallerRightsRequest.newBuilder().setPerson(person.getPerson()).build()),
          person, person.getPerson());
    }
  }

  @Test
  void aSignInIsLinkedByVerifiedEmailOnlyWhenTheIssuerVerifiedIt() {
    admin.createSignInLink(CreateSignInLinkRequest.newBuilder().setParent("people/sam").setSignInLink(SignInLink
        .newBuilder().setIssuer(TestIssuer.ISSUER).setEmail("Sam@Example.org")).build());
    var verified = PartnershipServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(TestIssuer.get()
        .mint("another-subject", Map.of("email", "sam@example.org", "email_verified", true), Duration.ofMinutes(5))));
    assertEquals("people/sam", verified.getCallerRights(GetCallerRightsRequest.getDefaultInstance()).getPerson());
    var unverified = PartnershipServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(TestIssuer
        .get().mint("another-subject", Map.of("email", "sam@example.org"), Duration.ofMinutes(5))));
    assertEquals("", unverified.getCallerRights(GetCallerRightsRequest.getDefaultInstance()).getPerson());
  }

  @Test
  void writesNeedTheirRightAndOnlyAdminsLinkSignIns() throws Exception {
    long links = db.rows("sign_in_link");
    var refused = expect(Status.Code.PERMISSION_DENIED, () -> as("sub-sam").createSignInLink(
        CreateSignInLinkRequest.newBuilder().setParent("people/sam").setSignInLink(SignInLink.newBuilder()
            .setIssuer(TestIssuer.ISSUER).setSubject("sam-again")).build()));
    assertEquals("PERMISSION_DENIED", errorInfo(refused).getReason());
    assertEquals("people/sam may not link a sign-in to people/sam: that needs the right to manage partnership for "
        + "the partnership", refused.getMessage());
    assertEquals(links, db.rows("sign_in_link"), "nothing written");

    var meeting = CreateMeetingRequest.newBuilder().setMeeting(Meeting.newBuilder().setId("safety-2008-01-10")
        .setBody("bodies/safety").setDate(Date.newBuilder().setYear(2008).setMonth(1).setDay(10))).build();
    expect(Status.Code.PERMISSION_DENIED, () -> as("sub-sam").createMeeting(meeting));
    var stranger = expect(Status.Code.PERMISSION_DENIED, () -> as("nobody").createMeeting(meeting));
    assertTrue(stranger.getMessage().endsWith("(this sign-in is linked to no person of the partnership)"),
        stranger.getMessage());
    assertEquals(0, db.rows("meeting"));
    assertEquals("meetings/safety-2008-01-10", as("sub-sec").createMeeting(meeting).getName(),
        "the secretariat minutes meetings");

    Action held = as("sub-sec").createMeeting(CreateMeetingRequest.newBuilder().setMeeting(Meeting.newBuilder()
        .setId("safety-2008-02-14").setBody("bodies/safety").setDate(Date.newBuilder().setYear(2008).setMonth(2)
            .setDay(14)).addItems(AgendaItem.newBuilder().setNumber(1).setTitle("Figures"))
        .addActions(Action.newBuilder().setItem(1).setText("Sam to report the figures").setOwner("people/sam")))
        .build()).getActions(0);
    var done = UpdateActionStatusRequest.newBuilder().setName(held.getName())
        .setStatus(ActionStatus.ACTION_STATUS_DONE).build();
    var notHers = expect(Status.Code.PERMISSION_DENIED, () -> as("sub-fin").updateActionStatus(done));
    assertEquals("people/fin may not update the status of " + held.getName() + ": that needs the right to update "
        + "actions for people/sam", notHers.getMessage());
    assertEquals(ActionStatus.ACTION_STATUS_DONE, as("sub-sam").updateActionStatus(done).getStatus(),
        "the holder marks their own action done");
  }
}
