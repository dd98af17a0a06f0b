package org.laasuite.common.grpc;

import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingServerInterceptor;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

/**
 * What every gRPC server of the suite carries besides its own service: server reflection (so
 * grpcurl and friends work without the protos) and per-method latency and status metrics. Health
 * ({@code grpc.health.v1}) comes from micronaut-grpc with grpc-services on the class path.
 */
@Factory
public class GrpcServerSetup {

  @Singleton
  BindableService reflection() {
    return ProtoReflectionServiceV1.newInstance();
  }

  @Singleton
  ServerInterceptor metrics(MeterRegistry registry) {
    return new OrderedMetrics(registry);
  }

  /** Outermost, so that it sees the status the error interceptor sets. */
  static final class OrderedMetrics extends MetricCollectingServerInterceptor implements Ordered {
    OrderedMetrics(MeterRegistry registry) {
      super(registry);
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }
}
