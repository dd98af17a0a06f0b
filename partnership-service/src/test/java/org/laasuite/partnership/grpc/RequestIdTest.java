package org.laasuite.partnership.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import com.google.protobuf.ByteString;
import com.google.type.Date;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.partnership.v1.*;
import org.laasuite.testkit.Concurrently;
import org.laasuite.testkit.TestDatabase;

/** A create or import retried with its request_id writes once and answers what it answered first. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestIdTest implements TestPropertyProvider {

  private final TestDatabase db = TestDatabase.forClass(RequestIdTest.class);

  @Inject
  PartnershipServiceGrpc.PartnershipServiceBlockingStub client;

  @Override
  public Map<String, String> getProperties() {
    return db.serviceProperties();
  }

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
}
