package org.laasuite.common.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laasuite.testkit.GrpcErrors.expect;
import static org.laasuite.testkit.GrpcErrors.expectInvalid;
import static org.laasuite.testkit.RawRequests.NOT_UTF8;

import com.google.rpc.BadRequest;
import io.grpc.ForwardingServerCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micronaut.core.order.Ordered;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.indicators.v1.BatchGetIndicatorReportsRequest;
import org.laasuite.indicators.v1.CreateIndicatorRequest;
import org.laasuite.indicators.v1.GetIndicatorRequest;
import org.laasuite.indicators.v1.ImportOptions;
import org.laasuite.indicators.v1.ImportOutturnsRequest;
import org.laasuite.indicators.v1.ImportOutturnsResponse;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.OutturnRow;
import org.laasuite.testkit.GrpcErrors;
import org.laasuite.testkit.Ports;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.testkit.RawRequests;

/**
 * Requests whose bytes do not parse, sent to a real Micronaut gRPC server as the suite sets it up
 * (GrpcServerSetup): each is INVALID_ARGUMENT naming the fields, never reaches the endpoint, and is
 * counted as INVALID_ARGUMENT like any other refusal.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestParsingTest implements TestPropertyProvider {

  /** The endpoint, recording what reached it. */
  @Singleton
  static class Recording extends IndicatorServiceGrpc.IndicatorServiceImplBase {
    final List<Object> received = new ArrayList<>();

    @Override
    public void createIndicator(CreateIndicatorRequest request, StreamObserver<Indicator> out) {
      received.add(request);
      Unary.reply(out, request::getIndicator);
    }

    @Override
    public void getIndicator(GetIndicatorRequest request, StreamObserver<Indicator> out) {
      received.add(request);
      Unary.reply(out, Indicator::getDefaultInstance);
    }

    @Override
    public StreamObserver<ImportOutturnsRequest> importOutturns(StreamObserver<ImportOutturnsResponse> out) {
      return new StreamObserver<>() {
        @Override
        public void onNext(ImportOutturnsRequest message) {
          received.add(message);
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
          received.add("the import ran");
          Unary.reply(out, ImportOutturnsResponse::getDefaultInstance);
        }
      };
    }
  }

  /**
   * Just inside the metrics interceptor: the status each call is closed with, as the metrics see it
   * (they count it once the server has finished the call, which a client cannot wait for).
   */
  @Singleton
  static class Closes implements ServerInterceptor, Ordered {
    final Map<String, Status.Code> byMethod = new ConcurrentHashMap<>();

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
        @Override
        public void close(Status status, Metadata trailers) {
          byMethod.put(call.getMethodDescriptor().getBareMethodName(), status.getCode());
          super.close(status, trailers);
        }
      }, headers);
    }
  }

  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;
  @Inject
  Recording endpoint;
  @Inject
  MeterRegistry meters;
  @Inject
  Closes closes;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new java.util.HashMap<>(TestIssuer.properties());
    p.putAll(Map.of("grpc.server.port", String.valueOf(Ports.free()), "micronaut.server.port", "-1",
        "laa.error-domain", "test.laasuite.org"));
    return p;
  }

  @BeforeEach
  void nothingReceivedYet() {
    endpoint.received.clear();
  }

  private static Indicator.Builder indicator() {
    return Indicator.newBuilder().setId("U-1").setTitle("Street cleanliness").setUnits("%");
  }

  private byte[] create(Indicator.Builder indicator) {
    return RawRequests.unary(channel, IndicatorServiceGrpc.getCreateIndicatorMethod(),
        RawRequests.encode(CreateIndicatorRequest.newBuilder().setIndicator(indicator).build()));
  }

  @Test
  void textThatIsNotUtf8IsRefusedNamingEachFieldBeforeTheEndpointRuns() {
    var violations = expectInvalid(() -> create(indicator().setTitle("Street " + NOT_UTF8).setUnits(NOT_UTF8)),
        "indicator.title", "indicator.units");
    assertEquals("is not valid UTF-8 text", violations.getFirst().getDescription());
    var status = expect(Status.Code.INVALID_ARGUMENT, () -> RawRequests.unary(channel,
        IndicatorServiceGrpc.getBatchGetIndicatorReportsMethod(), RawRequests.encode(BatchGetIndicatorReportsRequest
            .newBuilder().addNames("indicators/A").addNames("indicators/" + NOT_UTF8).build())));
    assertEquals(List.of("names[1]"), GrpcErrors.badRequest(status).getFieldViolationsList().stream()
        .map(BadRequest.FieldViolation::getField).toList());
    assertEquals("test.laasuite.org", GrpcErrors.errorInfo(status).getDomain());
    assertEquals(List.of(), endpoint.received);
    System.out.println("refused: " + status.getMessage());
  }

  @Test
  void aRequestThatParsesStillMeetsTheRequestChecksAndReachesTheEndpoint() {
    expectInvalid(() -> create(indicator().setTitle("Street\u0000")), "indicator.title");
    create(indicator());
    assertEquals(1, endpoint.received.size());
  }

  @Test
  void bytesThatAreNoProtocolBufferAreAMalformedRequest() {
    byte[] truncated = {0x0a, 0x10, 'U'}; // field 1 says 16 bytes follow; one does
    var status = expect(Status.Code.INVALID_ARGUMENT, () -> RawRequests.unary(channel,
        IndicatorServiceGrpc.getCreateIndicatorMethod(), truncated));
    assertEquals("MALFORMED_REQUEST", GrpcErrors.errorInfo(status).getReason());
    assertTrue(status.getMessage().contains("laa.indicators.v1.CreateIndicatorRequest"), status.getMessage());
    assertEquals(List.of(), endpoint.received);
  }

  @Test
  void eachMessageOfAClientStreamIsReadTheSameWay() {
    byte[] options = RawRequests.encode(ImportOutturnsRequest.newBuilder()
        .setOptions(ImportOptions.newBuilder().setValidateOnly(true)).build());
    OutturnRow.Builder row = OutturnRow.newBuilder().setIndicator("indicators/U-1").setPeriod("periods/fy-2006-07")
        .setValue("9.70%");
    byte[] good = RawRequests.encode(ImportOutturnsRequest.newBuilder().setRow(row).build());
    byte[] bad = RawRequests.encode(ImportOutturnsRequest.newBuilder().setRow(row.setNote(NOT_UTF8)).build());
    expectInvalid(() -> RawRequests.clientStream(channel, IndicatorServiceGrpc.getImportOutturnsMethod(),
        List.of(options, good, bad, good)), "row.note");
    assertEquals(2, endpoint.received.size(), "the options and the good row, not the rest: " + endpoint.received);
  }

  @Test
  void theMetricsSeeARefusalAsAnyCallClosedInvalidArgument() {
    expectInvalid(() -> RawRequests.unary(channel, IndicatorServiceGrpc.getGetIndicatorMethod(),
        RawRequests.encode(GetIndicatorRequest.newBuilder().setName(NOT_UTF8).build())), "name");
    double received = meters.find("grpc.server.requests.received").tags("method", "GetIndicator").counters().stream()
        .mapToDouble(Counter::count).sum();
    assertEquals(1.0, received, "the metrics saw the request, once");
    assertEquals(Status.Code.INVALID_ARGUMENT, closes.byMethod.get("GetIndicator"));
    assertEquals(List.of(), endpoint.received);
  }

  @Test
  void theHealthServiceReadsItsRequestsTheSameWay() {
    expectInvalid(() -> RawRequests.unary(channel, HealthGrpc.getCheckMethod(),
        RawRequests.encode(HealthCheckRequest.newBuilder().setService(NOT_UTF8).build())), "service");
  }
}
