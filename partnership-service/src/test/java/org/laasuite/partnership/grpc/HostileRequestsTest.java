package org.laasuite.partnership.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ManagedChannel;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.testkit.HostileRequests;
import org.laasuite.testkit.TestDatabase;

/** Malformed requests to every method: each is answered precisely, none INTERNAL or UNKNOWN. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsTest implements TestPropertyProvider {

  private final TestDatabase db = TestDatabase.forClass(HostileRequestsTest.class);

  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;

  @Override
  public Map<String, String> getProperties() {
    return db.serviceProperties();
  }

  @Test
  void noMalformedRequestIsAnsweredInternalOrUnknown() {
    assertEquals(List.of(), HostileRequests.probe(channel, PartnershipServiceGrpc.getServiceDescriptor()));
  }
}
