package org.laasuite.common.grpc;

import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.health.v1.HealthGrpc;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import jakarta.inject.Singleton;

/**
 * A span for every gRPC call this process serves or makes, when tracing is on (micronaut.otel.enabled, which makes
 * the OpenTelemetry bean; off by default, and then neither interceptor exists). The server's joins the trace its
 * caller sends (W3C traceparent), the client's sends the current one on: the gateway's HTTP request, its calls to
 * the services and their calls to each other make one trace. {@link GrpcServerSetup} adds every server interceptor
 * bean, {@link Channels} every client interceptor bean.
 */
@Factory
@Requires(beans = OpenTelemetry.class)
class GrpcTracing {

  private final GrpcTelemetry telemetry;

  GrpcTracing(OpenTelemetry openTelemetry) {
    this.telemetry = GrpcTelemetry.create(openTelemetry);
  }

  /** Health checks (the probes', every few seconds) make no spans. */
  @Singleton
  ServerInterceptor serverSpans() {
    ServerInterceptor spans = telemetry.newServerInterceptor();
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        return HealthGrpc.SERVICE_NAME.equals(call.getMethodDescriptor().getServiceName())
            ? next.startCall(call, headers) : spans.interceptCall(call, headers, next);
      }
    };
  }

  @Singleton
  ClientInterceptor clientSpans() {
    return telemetry.newClientInterceptor();
  }
}
