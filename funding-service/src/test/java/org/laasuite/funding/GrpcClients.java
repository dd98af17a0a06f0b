package org.laasuite.funding;

import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import org.laasuite.funding.v1.FundingServiceGrpc;

/** A stub on a real channel to the test context's own gRPC server. */
@Factory
public class GrpcClients {

  @Bean
  FundingServiceGrpc.FundingServiceBlockingStub blocking(@GrpcChannel(GrpcServerChannel.NAME) ManagedChannel channel) {
    return FundingServiceGrpc.newBlockingStub(channel);
  }
}
