package org.laasuite.partnership;

import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;

/** A stub on a real channel to the test context's own gRPC server. */
@Factory
public class GrpcClients {

  @Bean
  PartnershipServiceGrpc.PartnershipServiceBlockingStub blocking(
      @GrpcChannel(GrpcServerChannel.NAME) ManagedChannel channel) {
    return PartnershipServiceGrpc.newBlockingStub(channel);
  }
}
