package org.laasuite.common.grpc;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingClientInterceptor;

/**
 * A channel from one process of the suite to a service of another: plaintext (inside the cluster, where
 * the chart's NetworkPolicy says who may connect), every call counted and timed as grpc.client.* metrics by
 * service and method.
 */
public final class Channels {

  private Channels() {
  }

  /** A channel to {@code address} ("host:port" or a gRPC target), connecting when first used. */
  public static ManagedChannel toService(String address, MeterRegistry registry) {
    return ManagedChannelBuilder.forTarget(address).usePlaintext()
        .intercept(new MetricCollectingClientInterceptor(registry)).build();
  }
}
