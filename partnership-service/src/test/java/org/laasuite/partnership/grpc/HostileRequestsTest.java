package org.laasuite.partnership.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import io.grpc.ManagedChannel;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laasuite.partnership.v1.AgendaItem;
import org.laasuite.partnership.v1.CreateMeetingRequest;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.testkit.HostileRequests;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.testkit.RawRequests;

/**
 * Malformed requests to every method: each is answered precisely, none INTERNAL or UNKNOWN, text
 * that is not UTF-8 INVALID_ARGUMENT; none served without a valid token.
 */
@MicronautTest(transactional = false)
class HostileRequestsTest extends OwnDatabaseTest {

  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;

  @Test
  void noCallWithoutAValidTokenIsServedAndEachIsToldWhy() throws Exception {
    assertEquals(List.of(), HostileRequests.probeWithoutIdentity(channel, PartnershipServiceGrpc.getServiceDescriptor()));
  }

  @Test
  void noMalformedRequestIsAnsweredInternalOrUnknown() {
    assertEquals(List.of(), HostileRequests.probe(channel, PartnershipServiceGrpc.getServiceDescriptor()));
  }

  @Test
  void textThatIsNotUtf8IsRefusedNamingItsFieldAndNothingIsWritten() throws Exception {
    long meetings = db.rows("meeting");
    AgendaItem.Builder item = AgendaItem.newBuilder().setNumber(1).setTitle("Minutes");
    expectInvalid(() -> RawRequests.unary(channel, PartnershipServiceGrpc.getCreateMeetingMethod(),
        RawRequests.encode(CreateMeetingRequest.newBuilder().setMeeting(Meeting.newBuilder().setId("not-utf8")
            .setBody("bodies/board").addItems(item).addItems(item.clone().setNumber(2)
                .setMinutes("Agreed " + RawRequests.NOT_UTF8))).build())), "meeting.items[1].minutes");
    assertEquals(meetings, db.rows("meeting"));
  }
}
