package org.laasuite.common.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.GetIndicatorRequest;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.indicators.v1.ListIndicatorReportsResponse;

/**
 * Heavy calls take turns: past the configured number at once, one waits no longer than allowed and is refused
 * RESOURCE_EXHAUSTED (BUSY); light calls go on meanwhile; a finished heavy call gives its turn back.
 */
class HeavyCallsTest {

  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch finish = new CountDownLatch(1);
  private Server server;
  private ManagedChannel channel;
  private IndicatorServiceGrpc.IndicatorServiceBlockingStub stub;

  @BeforeEach
  void serve() throws Exception {
    var service = new IndicatorServiceGrpc.IndicatorServiceImplBase() {
      @Override
      public void listIndicatorReports(ListIndicatorReportsRequest r, StreamObserver<ListIndicatorReportsResponse> out) {
        started.countDown();
        try {
          finish.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        out.onNext(ListIndicatorReportsResponse.getDefaultInstance());
        out.onCompleted();
      }

      @Override
      public void getIndicator(GetIndicatorRequest r, StreamObserver<Indicator> out) {
        out.onNext(Indicator.newBuilder().setName(r.getName()).build());
        out.onCompleted();
      }
    };
    GrpcErrorInterceptor errors = new GrpcErrorInterceptor("test.laasuite.org");
    HeavyCalls heavy = new HeavyCalls(List.of("IndicatorService/ListIndicatorReports"), 1, Duration.ofMillis(100),
        errors, new SimpleMeterRegistry());
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(ServerInterceptors.intercept(service, errors, heavy))
        .build().start();
    channel = InProcessChannelBuilder.forName(name).build();
    stub = IndicatorServiceGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.MINUTES);
  }

  @AfterEach
  void stop() {
    finish.countDown();
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void aHeavyCallPastTheLimitIsRefusedBusyWhileLightCallsGoOnAndTheTurnComesBack() throws Exception {
    var first = IndicatorServiceGrpc.newFutureStub(channel).listIndicatorReports(
        ListIndicatorReportsRequest.getDefaultInstance());
    started.await(1, TimeUnit.MINUTES);

    StatusRuntimeException busy = assertThrows(StatusRuntimeException.class,
        () -> stub.listIndicatorReports(ListIndicatorReportsRequest.getDefaultInstance()));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, busy.getStatus().getCode());
    ErrorInfo info = StatusProto.fromThrowable(busy).getDetails(0).unpack(ErrorInfo.class);
    assertEquals("BUSY", info.getReason());
    assertEquals("indicators/CYP-28", stub.getIndicator(GetIndicatorRequest.newBuilder().setName("indicators/CYP-28")
        .build()).getName(), "a light call is not held up");

    finish.countDown();
    first.get(1, TimeUnit.MINUTES);
    assertEquals(ListIndicatorReportsResponse.getDefaultInstance(),
        stub.listIndicatorReports(ListIndicatorReportsRequest.getDefaultInstance()), "the turn was given back");
  }

  @Test
  void methodsAreNamedWithOrWithoutTheirService() {
    GrpcErrorInterceptor errors = new GrpcErrorInterceptor("test.laasuite.org");
    HeavyCalls heavy = new HeavyCalls(List.of("ImportOutturns", " IndicatorService/ListIndicatorReports "), 0,
        Duration.ofSeconds(1), errors, new SimpleMeterRegistry());
    assertEquals(true, heavy.heavy("laa.indicators.v1.IndicatorService/ImportOutturns"));
    assertEquals(true, heavy.heavy("laa.indicators.v1.IndicatorService/ListIndicatorReports"));
    assertEquals(false, heavy.heavy("laa.indicators.v1.IndicatorService/GetIndicator"));
    assertEquals(false, heavy.heavy("laa.funding.v1.FundingService/ListIndicatorReports"));
  }
}
