package org.laasuite.funding.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;

import io.grpc.ManagedChannel;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laasuite.funding.v1.Arrangement;
import org.laasuite.funding.v1.CreateFundingStreamRequest;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.funding.v1.FundingStream;
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
    assertEquals(List.of(), HostileRequests.probeWithoutIdentity(channel, FundingServiceGrpc.getServiceDescriptor()));
  }

  @Test
  void noMalformedRequestIsAnsweredInternalOrUnknown() {
    assertEquals(List.of(), HostileRequests.probe(channel, FundingServiceGrpc.getServiceDescriptor()));
  }

  @Test
  void textThatIsNotUtf8IsRefusedNamingItsFieldAndNothingIsWritten() throws Exception {
    long streams = db.rows("funding_stream");
    expectInvalid(() -> RawRequests.unary(channel, FundingServiceGrpc.getCreateFundingStreamMethod(),
        RawRequests.encode(CreateFundingStreamRequest.newBuilder().setFundingStream(FundingStream.newBuilder()
            .setId("not-utf8").setTitle("Street " + RawRequests.NOT_UTF8)
            .setArrangement(Arrangement.ARRANGEMENT_ALIGNED)).build())), "funding_stream.title");
    assertEquals(streams, db.rows("funding_stream"));
  }
}
