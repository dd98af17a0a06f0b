package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laasuite.common.grpc.ImportFiles;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.testkit.HostileRequests;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.testkit.RawRequests;

/**
 * Malformed requests to every method: each is answered precisely, none INTERNAL or UNKNOWN, text
 * that is not UTF-8 INVALID_ARGUMENT; a request over the inbound limit is refused by the transport; none served without a valid token.
 */
@MicronautTest(transactional = false)
class HostileRequestsTest extends OwnDatabaseTest {

  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;

  @Test
  void noCallWithoutAValidTokenIsServedAndEachIsToldWhy() throws Exception {
    assertEquals(List.of(), HostileRequests.probeWithoutIdentity(channel, IndicatorServiceGrpc.getServiceDescriptor()));
  }

  @Test
  void noMalformedRequestIsAnsweredInternalOrUnknown() {
    assertEquals(List.of(), HostileRequests.probe(channel, IndicatorServiceGrpc.getServiceDescriptor()));
  }

  @Test
  void aRequestOverTheInboundLimitIsRefusedByTheTransportStatingTheLimit() {
    var e = assertThrows(StatusRuntimeException.class, () -> RawRequests.unary(channel,
        IndicatorServiceGrpc.getImportSimpleViewMethod(), new byte[ImportFiles.MAX_MESSAGE_BYTES + 1]));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
    assertTrue(String.valueOf(e.getStatus().getDescription()).contains(String.valueOf(ImportFiles.MAX_MESSAGE_BYTES)),
        e.getStatus().toString());
    System.out.println("over the limit: " + e.getStatus());
  }
}
