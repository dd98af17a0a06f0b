package org.laasuite.common.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.testkit.Ports;
import org.laasuite.testkit.TestIssuer;

/**
 * A real gRPC server and a channel from {@link Channels}, with the metrics registry a service has: each call is
 * counted once on each side, whatever micronaut-micrometer contributes of its own.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsCountedOnceTest implements TestPropertyProvider {

  private static final int CALLS = 7;

  @Inject
  Channels channels;
  @Inject
  GrpcEmbeddedServer server;
  @Inject
  MeterRegistry meters;

  /** A gRPC server on a free port, no HTTP server, the test issuer trusted. */
  static Map<String, String> serverProperties() {
    Map<String, String> p = new HashMap<>(TestIssuer.properties());
    p.putAll(Map.of("grpc.server.port", String.valueOf(Ports.free()), "micronaut.server.port", "-1",
        "laa.error-domain", "test.laasuite.org"));
    return p;
  }

  @Override
  public Map<String, String> getProperties() {
    return serverProperties();
  }

  private double counted(String meter) {
    return meters.find(meter).tags("method", "Check").counters().stream().mapToDouble(Counter::count).sum();
  }

  private long timed(String meter) {
    return meters.find(meter).tags("method", "Check").timers().stream().mapToLong(Timer::count).sum();
  }

  @Test
  void eachCallIsCountedOnceByTheServerAndOnceByTheClient() {
    var health = HealthGrpc.newBlockingStub(channels.to("127.0.0.1:" + server.getPort()));
    for (int i = 0; i < CALLS; i++) {
      assertEquals(HealthCheckResponse.ServingStatus.SERVING,
          health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
    }
    assertEquals(CALLS, counted("grpc.client.requests.sent"));
    assertEquals(CALLS, counted("grpc.client.responses.received"));
    assertEquals(CALLS, timed("grpc.client.processing.duration"));
    assertEquals(CALLS, counted("grpc.server.requests.received"));
    assertEquals(CALLS, counted("grpc.server.responses.sent"));
    // The server times a call once it has finished with it, which may be just after the client has its answer:
    // none is timed twice.
    long timedByServer = timed("grpc.server.processing.duration");
    assertTrue(timedByServer <= CALLS, "timed " + timedByServer + " times");
  }
}
