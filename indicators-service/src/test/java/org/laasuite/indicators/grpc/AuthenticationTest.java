package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.type.Decimal;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laasuite.auth.BearerToken;
import org.laasuite.indicators.v1.*;
import org.laasuite.testkit.GrpcErrors;
import org.laasuite.testkit.OwnDatabaseTest;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.type.v1.LaaBlock;

/** Nobody writes a figure without a token an issuer of the partnership signed; health stays open. */
@MicronautTest(transactional = false)
class AuthenticationTest extends OwnDatabaseTest {

  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub admin;
  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;

  private static final CreateOutturnRequest OUTTURN = CreateOutturnRequest.newBuilder().setParent("indicators/AUTH-1")
      .setOutturn(Outturn.newBuilder().setPeriod("periods/fy-2006-07")
          .setFigure(Figure.newBuilder().setValue(Decimal.newBuilder().setValue("9.4")))).build();

  @BeforeAll
  void anIndicator() {
    Fixtures.cityAnd2006To07(admin);
    admin.createIndicator(CreateIndicatorRequest.newBuilder().setIndicator(Indicator.newBuilder().setId("AUTH-1")
        .setTitle("Authenticated").setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE)
        .setPolarity(Polarity.POLARITY_LOWER_IS_BETTER)).build());
  }

  @Test
  void anAnonymousOrExpiredCreateOutturnIsUnauthenticatedSayingWhyAndWritesNothing() throws Exception {
    var anonymous = IndicatorServiceGrpc.newBlockingStub(channel);
    StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> anonymous.createOutturn(OUTTURN));
    assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
    assertEquals("TOKEN_MISSING", GrpcErrors.errorInfo(StatusProto.fromThrowable(refused)).getReason());
    assertTrue(refused.getStatus().getDescription().startsWith("no bearer token"), refused.getStatus().getDescription());
    assertEquals("Bearer", refused.getTrailers().get(Metadata.Key.of("www-authenticate",
        Metadata.ASCII_STRING_MARSHALLER)), "the challenge, as RFC 6750 words it");

    var expired = anonymous.withCallCredentials(BearerToken.of(TestIssuer.get().mint("someone", Map.of(),
        Duration.ofMinutes(-5))));
    refused = assertThrows(StatusRuntimeException.class, () -> expired.createOutturn(OUTTURN));
    assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
    assertEquals("TOKEN_EXPIRED", GrpcErrors.errorInfo(StatusProto.fromThrowable(refused)).getReason());
    assertEquals("the token has expired", refused.getStatus().getDescription());
    assertTrue(refused.getTrailers().get(Metadata.Key.of("www-authenticate", Metadata.ASCII_STRING_MARSHALLER))
        .startsWith("Bearer error=\"invalid_token\""));
    assertEquals(0, db.rows("outturn"), "nothing written");

    admin.createOutturn(OUTTURN);
    assertEquals(1, db.rows("outturn"), "with a token it is");
  }

  @Test
  void healthNeedsNoToken() {
    assertEquals(HealthCheckResponse.ServingStatus.SERVING, HealthGrpc.newBlockingStub(channel)
        .check(HealthCheckRequest.getDefaultInstance()).getStatus());
  }
}
