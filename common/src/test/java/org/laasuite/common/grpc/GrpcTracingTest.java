package org.laasuite.common.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ClientInterceptor;
import io.grpc.ServerInterceptor;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.funding.v1.FundingServiceGrpc;
import org.laasuite.funding.v1.FundingStream;
import org.laasuite.funding.v1.GetFundingStreamRequest;
import org.laasuite.testkit.TestIssuer;

/**
 * With tracing on, a call through a {@link Channels} channel to a server set up by {@link GrpcServerSetup} is one
 * trace: the caller's current span (the gateway's HTTP request, say), the client's span under it, and the server's
 * span under that, as the W3C traceparent header carries it. With tracing off there is nothing to trace with.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcTracingTest implements TestPropertyProvider {

  /** The spans this process ends, as they end, in place of an OTLP collector. */
  @Singleton
  @Requires(property = "laa.test.spans-in-memory", value = "true")
  static class EndedSpans implements SpanProcessor {
    final BlockingQueue<SpanData> ended = new LinkedBlockingQueue<>();
    final List<SpanData> seen = new ArrayList<>();

    @Override
    public void onStart(Context parent, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      ended.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }

    /** The span of that kind and name, waiting for it to end (a server's ends once the call is over). */
    SpanData await(SpanKind kind, String name) throws InterruptedException {
      for (SpanData span : seen) {
        if (span.getKind() == kind && span.getName().equals(name)) {
          return span;
        }
      }
      for (SpanData span; (span = ended.poll(30, TimeUnit.SECONDS)) != null; ) {
        seen.add(span);
        if (span.getKind() == kind && span.getName().equals(name)) {
          return span;
        }
      }
      throw new AssertionError("no " + kind + " span " + name + " ended; these did: " + seen);
    }
  }

  /** A service to call (health checks make no spans). */
  @Singleton
  @Requires(property = "laa.test.spans-in-memory", value = "true")
  static class Streams extends FundingServiceGrpc.FundingServiceImplBase {
    @Override
    public void getFundingStream(GetFundingStreamRequest request, StreamObserver<FundingStream> out) {
      Unary.reply(out, () -> FundingStream.newBuilder().setName(request.getName()).build());
    }
  }

  @Inject
  Channels channels;
  @Inject
  GrpcEmbeddedServer server;
  @Inject
  OpenTelemetry openTelemetry;
  @Inject
  EndedSpans spans;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(MetricsCountedOnceTest.serverProperties());
    p.putAll(Map.of("micronaut.otel.enabled", "true", "otel.traces.exporter", "none", "laa.test.spans-in-memory",
        "true"));
    return p;
  }

  @Test
  void aCallIsOneTraceFromTheCallersSpanThroughTheClientToTheServer() throws InterruptedException {
    var channel = channels.to("127.0.0.1:" + server.getPort());
    var funding = FundingServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.admin());
    spans.ended.clear();
    spans.seen.clear();
    HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
    var request = openTelemetry.getTracer("test").spanBuilder("GET /report-cards/{code}").startSpan();
    try (Scope ignored = request.makeCurrent()) {
      funding.getFundingStream(GetFundingStreamRequest.newBuilder().setName("fundingStreams/nrf").build());
    } finally {
      request.end();
    }
    String method = "laa.funding.v1.FundingService/GetFundingStream";
    SpanData client = spans.await(SpanKind.CLIENT, method);
    SpanData served = spans.await(SpanKind.SERVER, method);
    assertEquals(request.getSpanContext().getTraceId(), client.getTraceId());
    assertEquals(request.getSpanContext().getSpanId(), client.getParentSpanId());
    assertEquals(client.getTraceId(), served.getTraceId());
    assertEquals(client.getSpanId(), served.getParentSpanId(), "the server's span is the client's child");
    assertTrue(spans.seen.stream().noneMatch(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("Health")),
        "the health check made no server span: " + spans.seen);
  }

  @Test
  void withTracingOffThereIsNoOpenTelemetryAndNoTracingInterceptor() {
    try (var off = ApplicationContext.run(Map.of("micronaut.otel.enabled", false, "grpc.server.enabled", false,
        "micronaut.server.port", -1))) {
      assertFalse(off.containsBean(OpenTelemetry.class));
      assertTrue(off.getBeansOfType(ServerInterceptor.class).stream()
          .noneMatch(i -> i.getClass().getName().startsWith("io.opentelemetry")));
      assertTrue(off.getBeansOfType(ClientInterceptor.class).stream()
          .noneMatch(i -> i.getClass().getName().startsWith("io.opentelemetry")));
    }
  }
}
