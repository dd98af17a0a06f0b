package org.laasuite.partnership.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.errorInfo;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.protobuf.FieldMask;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.partnership.v1.CreateOrganisationRequest;
import org.laasuite.partnership.v1.CreatePersonRequest;
import org.laasuite.partnership.v1.GetOrganisationRequest;
import org.laasuite.partnership.v1.GetPersonRequest;
import org.laasuite.partnership.v1.Organisation;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.partnership.v1.Person;
import org.laasuite.partnership.v1.UpdatePersonRequest;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.testkit.TestIssuer;

/**
 * People: created with or without an e-mail address (where the partnership's reminders reach them), which must be
 * one; changed field by field with an update mask, under their etag; every bad field named, nothing written.
 */
@MicronautTest(transactional = false)
class PeopleTest extends OwnDatabaseTest {

  @Inject
  PartnershipServiceGrpc.PartnershipServiceBlockingStub admin;
  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;

  @BeforeAll
  void anOrganisation() {
    admin.createOrganisation(CreateOrganisationRequest.newBuilder().setOrganisation(Organisation.newBuilder()
        .setId("police").setTitle("Police")).build());
  }

  private Person create(String id, String email) {
    return admin.createPerson(CreatePersonRequest.newBuilder().setPerson(Person.newBuilder().setId(id)
        .setDisplayName("Person " + id).setEmail(email)).build());
  }

  private static UpdatePersonRequest update(Person person, String... paths) {
    return UpdatePersonRequest.newBuilder().setPerson(person)
        .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths))).build();
  }

  @Test
  void aPersonIsCreatedWithAnEmailAddressOrWithoutOne() {
    Person sam = create("sam-email", "sam.chair@example.org");
    assertEquals("sam.chair@example.org", sam.getEmail());
    assertEquals(sam, admin.getPerson(GetPersonRequest.newBuilder().setName("people/sam-email").build()));
    assertTrue(sam.getEtag().startsWith("\""), sam.getEtag());
    assertEquals("", create("no-email", "").getEmail(), "an address is optional");
  }

  @Test
  void anOrganisationKeepsTheRegisteredIdentifiersItIsGivenAndRefusesOnesThatAreNone() throws Exception {
    Organisation charity = admin.createOrganisation(CreateOrganisationRequest.newBuilder().setOrganisation(
        Organisation.newBuilder().setId("law-centre").setTitle("Law Centre")
            .addRegisteredIdentifiers("GB-CHC-1000000").addRegisteredIdentifiers("GB-COH-01000000")).build());
    assertEquals(List.of("GB-CHC-1000000", "GB-COH-01000000"), charity.getRegisteredIdentifiersList());
    assertEquals(charity, admin.getOrganisation(GetOrganisationRequest.newBuilder().setName("organisations/law-centre")
        .build()));
    long before = db.rows("organisation");
    expectInvalid(() -> admin.createOrganisation(CreateOrganisationRequest.newBuilder().setOrganisation(
        Organisation.newBuilder().setId("bad-ids").setTitle("Bad").addRegisteredIdentifiers("GB-CHC-1")
            .addRegisteredIdentifiers("1000000")).build()), "organisation.registered_identifiers[1]");
    assertEquals(before, db.rows("organisation"));
  }

  @Test
  void anEmailThatIsNoAddressIsRefusedAndNothingIsWritten() throws Exception {
    long before = db.rows("person");
    for (String bad : List.of("sam", "sam@", "@example.org", "sam@localhost", "sam chair@example.org",
        " sam@example.org", "sam@example..org", "a@b.org\nBcc: everyone@example.org", "x".repeat(250) + "@e.org")) {
      var violations = expectInvalid(() -> create("bad-email", bad), "person.email");
      assertTrue(violations.getFirst().getDescription().contains("e-mail address"), violations.toString());
    }
    assertEquals(before, db.rows("person"));
  }

  @Test
  void anUpdateChangesOnlyTheFieldsItsMaskNamesAndANewEtagComesBack() {
    Person before = admin.createPerson(CreatePersonRequest.newBuilder().setPerson(Person.newBuilder()
        .setId("jo-update").setDisplayName("Jo Update").setJobTitle("Analyst")).build());
    Person after = admin.updatePerson(update(Person.newBuilder().setName("people/jo-update").setEmail("jo@example.org")
        .setJobTitle("ignored: not in the mask").setOrganisation("organisations/police").build(), "email",
        "organisation"));
    assertEquals("jo@example.org", after.getEmail());
    assertEquals("organisations/police", after.getOrganisation());
    assertEquals("Analyst", after.getJobTitle(), "not in the mask");
    assertEquals("Jo Update", after.getDisplayName());
    assertNotEquals(before.getEtag(), after.getEtag());

    Person cleared = admin.updatePerson(update(Person.newBuilder().setName("people/jo-update")
        .setEtag(after.getEtag()).build(), "email"));
    assertEquals("", cleared.getEmail(), "an address is taken away by naming it with none");
    assertEquals("organisations/police", cleared.getOrganisation());
  }

  @Test
  void aStaleEtagIsAbortedAndChangesNothing() {
    Person first = create("stale-etag", "first@example.org");
    admin.updatePerson(update(Person.newBuilder().setName("people/stale-etag").setEmail("second@example.org").build(),
        "email"));
    var aborted = expect(Status.Code.ABORTED, () -> admin.updatePerson(update(Person.newBuilder()
        .setName("people/stale-etag").setEtag(first.getEtag()).setEmail("third@example.org").build(), "email")));
    assertEquals("ETAG_MISMATCH", errorInfo(aborted).getReason());
    assertEquals("second@example.org", admin.getPerson(GetPersonRequest.newBuilder().setName("people/stale-etag")
        .build()).getEmail());
  }

  @Test
  void aBadUpdateNamesEachFieldAndWritesNothing() {
    Person jo = create("bad-update", "jo@example.org");
    expectInvalid(() -> admin.updatePerson(update(Person.newBuilder().setName("people/bad-update")
        .setEmail("not an address").setDisplayName("").setOrganisation("organisations/no-such").build(),
        "email", "display_name", "organisation")), "person.email", "person.display_name", "person.organisation");
    expectInvalid(() -> admin.updatePerson(update(Person.newBuilder().setName("people/bad-update").build(), "id")),
        "update_mask");
    expectInvalid(() -> admin.updatePerson(update(Person.newBuilder().setName("people/bad-update").build())),
        "update_mask");
    expect(Status.Code.NOT_FOUND, () -> admin.updatePerson(update(Person.newBuilder().setName("people/no-such")
        .setEmail("x@example.org").build(), "email")));
    assertEquals(jo, admin.getPerson(GetPersonRequest.newBuilder().setName("people/bad-update").build()));
  }

  @Test
  void onlyThePartnershipsAdminsChangeAPerson() {
    create("not-yours", "");
    var refused = expect(Status.Code.PERMISSION_DENIED, () -> PartnershipServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(TestIssuer.as("someone-unlinked")).updatePerson(update(Person.newBuilder()
            .setName("people/not-yours").setEmail("me@example.org").build(), "email")));
    assertTrue(refused.getMessage().contains("people/not-yours"), refused.getMessage());
    assertEquals("", admin.getPerson(GetPersonRequest.newBuilder().setName("people/not-yours").build()).getEmail());
  }
}
