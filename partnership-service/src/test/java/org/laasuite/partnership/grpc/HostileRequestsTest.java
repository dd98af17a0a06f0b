package org.laasuite.partnership.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ManagedChannel;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.testkit.HostileRequests;
import org.laasuite.testkit.OwnDatabaseTest;

/** Malformed requests to every method: each is answered precisely, none INTERNAL or UNKNOWN. */
@MicronautTest(transactional = false)
class HostileRequestsTest extends OwnDatabaseTest {

  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;

  @Test
  void noMalformedRequestIsAnsweredInternalOrUnknown() {
    assertEquals(List.of(), HostileRequests.probe(channel, PartnershipServiceGrpc.getServiceDescriptor()));
  }
}
