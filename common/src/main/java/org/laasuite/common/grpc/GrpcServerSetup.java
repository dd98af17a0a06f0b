package org.laasuite.common.grpc;

import io.grpc.BindableService;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServerTransportFilter;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingServerInterceptor;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.core.order.Ordered;
import io.micronaut.grpc.server.GrpcServerBuilder;
import io.micronaut.grpc.server.GrpcServerConfiguration;
import io.micronaut.grpc.server.health.HealthStatusManagerContainer;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * What every gRPC server of the suite carries besides its own service: server reflection (so
 * grpcurl and friends work without the protos) and per-method latency and status metrics. Health
 * ({@code grpc.health.v1}) comes from micronaut-grpc with grpc-services on the class path. Every
 * service on the server, health and reflection too, reads its requests through {@link
 * RequestParsing}, so that bytes that do not parse are a client's mistake.
 */
@Factory
public class GrpcServerSetup {

  /**
   * The server's builder, in place of micronaut-grpc's ({@link GrpcServerBuilder}) and as it builds
   * it (health, each service bean and definition, the interceptors in their order, the transport
   * filters), but with each service registered through {@link RequestParsing}: its services are
   * added inside that builder, and neither a server interceptor nor a listener of the built builder
   * can reach how a request's bytes are parsed.
   */
  @Singleton
  @Replaces(value = ServerBuilder.class, factory = GrpcServerBuilder.class)
  ServerBuilder<?> serverBuilder(GrpcServerConfiguration configuration, @Nullable HealthStatusManagerContainer health,
      @Nullable List<BindableService> services, @Nullable List<ServerServiceDefinition> definitions,
      @Nullable List<ServerInterceptor> interceptors, @Nullable List<ServerTransportFilter> filters) {
    ServerBuilder<?> builder = configuration.getServerBuilder();
    List<ServerServiceDefinition> all = new ArrayList<>();
    if (health != null) {
      all.add(health.getHealthStatusManager().getHealthService().bindService());
    }
    orNone(services).forEach(s -> all.add(s.bindService()));
    all.addAll(orNone(definitions));
    all.forEach(d -> builder.addService(RequestParsing.of(d)));
    List<ServerInterceptor> outermostLast = new ArrayList<>(orNone(interceptors));
    OrderUtil.reverseSort(outermostLast); // the server runs the interceptor added last first
    outermostLast.forEach(builder::intercept);
    orNone(filters).forEach(builder::addTransportFilter);
    return builder;
  }

  private static <T> List<T> orNone(@Nullable List<T> beans) {
    return beans == null ? List.of() : beans;
  }

  @Singleton
  BindableService reflection() {
    return ProtoReflectionServiceV1.newInstance();
  }

  /**
   * The per-method metrics, counted once: it replaces micronaut-micrometer's own gRPC server binder, which would
   * count every call a second time from wherever the interceptors' order happens to put it.
   */
  @Singleton
  @Replaces(MetricCollectingServerInterceptor.class)
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
