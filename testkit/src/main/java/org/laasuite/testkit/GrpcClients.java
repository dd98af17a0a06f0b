package org.laasuite.testkit;

import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;

/**
 * Stubs of the suite's services on a real channel to the test context's own gRPC server (loopback), calling
 * as the tests' admin ({@link TestIssuer}): a {@code @MicronautTest} injects the one for the service it starts.
 * Only the stubs a test injects are made.
 */
@Factory
public class GrpcClients {

  @Bean
  IndicatorServiceGrpc.IndicatorServiceBlockingStub indicators(
      @GrpcChannel(GrpcServerChannel.NAME) ManagedChannel channel) {
    return IndicatorServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.admin());
  }

  /** For client streams (ImportOutturns). */
  @Bean
  IndicatorServiceGrpc.IndicatorServiceStub indicatorsAsync(@GrpcChannel(GrpcServerChannel.NAME) ManagedChannel channel) {
    return IndicatorServiceGrpc.newStub(channel).withCallCredentials(TestIssuer.admin());
  }

  @Bean
  FundingServiceGrpc.FundingServiceBlockingStub funding(@GrpcChannel(GrpcServerChannel.NAME) ManagedChannel channel) {
    return FundingServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.admin());
  }

  @Bean
  PartnershipServiceGrpc.PartnershipServiceBlockingStub partnership(
      @GrpcChannel(GrpcServerChannel.NAME) ManagedChannel channel) {
    return PartnershipServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.admin());
  }
}
