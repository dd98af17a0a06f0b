package org.laasuite.partnership.grpc;

import com.google.type.Date;
import io.grpc.ManagedChannel;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.laasuite.partnership.v1.Body;
import org.laasuite.partnership.v1.BodyType;
import org.laasuite.partnership.v1.CreateBodyRequest;
import org.laasuite.partnership.v1.CreateMembershipRequest;
import org.laasuite.partnership.v1.CreatePersonRequest;
import org.laasuite.partnership.v1.CreateSignInLinkRequest;
import org.laasuite.partnership.v1.Membership;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.partnership.v1.Person;
import org.laasuite.partnership.v1.Role;
import org.laasuite.partnership.v1.SignInLink;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.testkit.TestIssuer;

/**
 * Tests of what the secretariat keeps (the risk register, the improvement plans): a member of the secretariat,
 * {@code people/sec} (signed in as subject {@code sub-sec}), who has the right to manage meetings, and a visitor,
 * {@code people/vis} ({@code sub-vis}), who has none.
 */
abstract class SecretariatAndVisitorTest extends OwnDatabaseTest {

  @Inject
  PartnershipServiceGrpc.PartnershipServiceBlockingStub admin;
  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;

  @BeforeAll
  void aSecretariatAndAVisitor() {
    for (String p : List.of("sec", "vis")) {
      admin.createPerson(CreatePersonRequest.newBuilder().setPerson(Person.newBuilder().setId(p).setDisplayName(p))
          .build());
      admin.createSignInLink(CreateSignInLinkRequest.newBuilder().setParent("people/" + p).setSignInLink(SignInLink
          .newBuilder().setIssuer(TestIssuer.ISSUER).setSubject("sub-" + p)).build());
    }
    admin.createBody(CreateBodyRequest.newBuilder().setBody(Body.newBuilder().setId("secretariat").setTitle(
        "Secretariat").setType(BodyType.BODY_TYPE_SECRETARIAT)).build());
    admin.createMembership(CreateMembershipRequest.newBuilder().setParent("bodies/secretariat").setMembership(
        Membership.newBuilder().setPerson("people/sec").setRole(Role.ROLE_MEMBER)
            .setStartDate(Date.newBuilder().setYear(2007).setMonth(4).setDay(1))).build());
  }

  /** A stub calling as {@code subject} ("sub-sec", "sub-vis") of the tests' issuer. */
  PartnershipServiceGrpc.PartnershipServiceBlockingStub as(String subject) {
    return PartnershipServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as(subject));
  }
}
