package org.laasuite.common.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.laasuite.testkit.GrpcErrors;

/** What a client sees when an endpoint throws, over a real (in-process) gRPC server. */
class GrpcErrorInterceptorTest {

  private Server server;
  private ManagedChannel channel;

  private HealthGrpc.HealthBlockingStub serving(Supplier<RuntimeException> failure) throws Exception {
    String name = InProcessServerBuilder.generateName();
    var service = new HealthGrpc.HealthImplBase() {
      @Override
      public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> responseObserver) {
        throw failure.get();
      }
    };
    server = InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(service, new GrpcErrorInterceptor("test.laasuite.org")))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    return HealthGrpc.newBlockingStub(channel);
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void aClientMistakeBecomesInvalidArgumentWithEveryField() throws Exception {
    var stub = serving(() -> ApiException.invalid(new Violations().add("a.b", "is wrong").add("c", "too").list()));
    var violations = GrpcErrors.expectInvalid(() -> stub.check(HealthCheckRequest.getDefaultInstance()), "a.b", "c");
    assertEquals("is wrong", violations.get(0).getDescription());
  }

  @Test
  void textWithANulCharacterIsRefusedBeforeTheEndpointRuns() throws Exception {
    var stub = serving(() -> new IllegalStateException("the endpoint must not run"));
    var violations = GrpcErrors.expectInvalid(() -> stub.check(HealthCheckRequest.newBuilder()
        .setService("indicators\u0000").build()), "service");
    assertEquals("must not contain the NUL character (U+0000)", violations.getFirst().getDescription());
  }

  @Test
  void aDatabaseThatCannotBeReachedIsUnavailableNotInternal() throws Exception {
    var stub = serving(() -> new RuntimeException("query failed",
        new SQLException("FATAL: database \"indicators\" does not exist", "3D000")));
    var status = GrpcErrors.expect(Status.Code.UNAVAILABLE, () -> stub.check(HealthCheckRequest.getDefaultInstance()));
    assertEquals("DATABASE_UNAVAILABLE", GrpcErrors.errorInfo(status).getReason());
  }

  @Test
  void theErrorInfoCarriesReasonAndDomain() throws Exception {
    var stub = serving(() -> ApiException.notFound("INDICATOR", "indicators/X"));
    var status = GrpcErrors.expect(Status.Code.NOT_FOUND, () -> stub.check(HealthCheckRequest.getDefaultInstance()));
    assertEquals("INDICATOR_NOT_FOUND", GrpcErrors.errorInfo(status).getReason());
    assertEquals("test.laasuite.org", GrpcErrors.errorInfo(status).getDomain());
    assertEquals("indicators/X does not exist", status.getMessage());
  }

  @Test
  void aRaceOnAUniqueRowIsAbortedAndRetryable() throws Exception {
    var stub = serving(() -> new RuntimeException("insert failed",
        new SQLException("duplicate key value violates unique constraint", "23505")));
    var status = GrpcErrors.expect(Status.Code.ABORTED, () -> stub.check(HealthCheckRequest.getDefaultInstance()));
    assertEquals("CONCURRENT_CHANGE", GrpcErrors.errorInfo(status).getReason());
  }

  @Test
  void anUnexpectedFailureIsInternalAndShowsNoInternals() throws Exception {
    var stub = serving(() -> new IllegalStateException("connection to db-7.internal:5432 refused"));
    var status = GrpcErrors.expect(Status.Code.INTERNAL, () -> stub.check(HealthCheckRequest.getDefaultInstance()));
    assertFalse(status.getMessage().contains("db-7"), status.getMessage());
    assertEquals("INTERNAL", GrpcErrors.errorInfo(status).getReason());
  }
}
