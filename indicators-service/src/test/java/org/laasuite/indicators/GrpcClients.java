package org.laasuite.indicators;

import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;

/** Stubs on a real channel to the test context's own gRPC server (loopback, random port). */
@Factory
public class GrpcClients {

  @Bean
  IndicatorServiceGrpc.IndicatorServiceBlockingStub blocking(
      @GrpcChannel(GrpcServerChannel.NAME) ManagedChannel channel) {
    return IndicatorServiceGrpc.newBlockingStub(channel);
  }

  @Bean
  IndicatorServiceGrpc.IndicatorServiceStub async(@GrpcChannel(GrpcServerChannel.NAME) ManagedChannel channel) {
    return IndicatorServiceGrpc.newStub(channel);
  }
}
