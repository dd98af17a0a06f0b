package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.auth.BearerToken;
import org.laasuite.indicators.v1.CreateIndicatorRequest;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListIndicatorsRequest;
import org.laasuite.indicators.v1.Polarity;
import org.laasuite.testkit.GrpcErrors;
import org.laasuite.testkit.Keycloak;
import org.laasuite.testkit.ServiceProcess;
import org.laasuite.type.v1.LaaBlock;

/**
 * An integrator's system calls a service's gRPC API with a token its organisation's identity provider issued for it
 * (client credentials from Keycloak, testkit's): the indicators service, told to trust that issuer
 * ({@code LAA_SECURITY_ISSUERS_KEYCLOAK_ISSUER}, its keys found through its discovery document), serves it, and
 * refuses a token of a realm it was not told to trust.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegratorIT {

  private ServiceProcess indicators;
  private ManagedChannel channel;

  @BeforeAll
  void start() throws Exception {
    // The service starts while Keycloak does; it finds Keycloak's keys when the first token comes.
    indicators = ServiceProcess.indicators("integrator_indicators")
        .withEnv("LAA_SECURITY_ISSUERS_KEYCLOAK_ISSUER", Keycloak.starting().issuer());
    indicators.start();
    Keycloak.get();
    indicators.awaitServing();
    ManagedChannel admin = indicators.adminChannel();
    try {
      IndicatorServiceGrpc.newBlockingStub(admin).createIndicator(CreateIndicatorRequest.newBuilder()
          .setIndicator(Indicator.newBuilder().setId("INT-1").setTitle("Read by an integrator")
              .setBlock(LaaBlock.LAA_BLOCK_CHILDREN_AND_YOUNG_PEOPLE).setPolarity(Polarity.POLARITY_HIGHER_IS_BETTER))
          .build());
    } finally {
      admin.shutdownNow();
    }
    channel = ManagedChannelBuilder.forTarget(indicators.address()).usePlaintext().build();
  }

  @AfterAll
  void stop() {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (indicators != null) {
      indicators.stop();
    }
  }

  /** The indicators service, called with the bearer token {@code token}. */
  private IndicatorServiceGrpc.IndicatorServiceBlockingStub callingWith(String token) {
    return IndicatorServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token));
  }

  @Test
  void anIntegratorWithAKeycloakTokenFromClientCredentialsListsTheIndicators() {
    String token = Keycloak.get().clientCredentials(Keycloak.REALM, Keycloak.INTEGRATOR_CLIENT,
        Keycloak.INTEGRATOR_SECRET);
    var listed = callingWith(token).listIndicators(ListIndicatorsRequest.getDefaultInstance());
    assertEquals(1, listed.getTotalSize());
    assertEquals("indicators/INT-1", listed.getIndicators(0).getName());
  }

  @Test
  void aTokenOfAKeycloakRealmTheServiceDoesNotTrustIsRefused() {
    String token = Keycloak.get().clientCredentials(Keycloak.OTHER_REALM, Keycloak.INTEGRATOR_CLIENT,
        Keycloak.OTHER_INTEGRATOR_SECRET);
    var refused = GrpcErrors.expect(Status.Code.UNAUTHENTICATED, () -> callingWith(token)
        .listIndicators(ListIndicatorsRequest.getDefaultInstance()));
    assertEquals("TOKEN_UNKNOWN_ISSUER", GrpcErrors.errorInfo(refused).getReason());
    assertTrue(refused.getMessage().contains(Keycloak.get().issuer(Keycloak.OTHER_REALM)), refused.getMessage());
  }
}
