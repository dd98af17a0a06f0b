package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.micronaut.grpc.annotation.GrpcChannel;
import io.micronaut.grpc.server.GrpcServerChannel;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.common.grpc.DatabaseReadiness;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListIndicatorsRequest;
import org.laasuite.testkit.GrpcErrors;
import org.laasuite.testkit.TestDatabase;

/**
 * Readiness follows the database; liveness does not; a call while it is gone is UNAVAILABLE. The
 * database really goes away here.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessTest implements TestPropertyProvider {

  private final TestDatabase db = TestDatabase.forClass(ReadinessTest.class);

  @Inject
  DatabaseReadiness readiness;
  @Inject
  IndicatorServiceGrpc.IndicatorServiceBlockingStub indicators;
  @Inject
  @GrpcChannel(GrpcServerChannel.NAME)
  ManagedChannel channel;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = db.serviceProperties();
    p.put("laa.health.interval", "1h");
    return p;
  }

  private ServingStatus ask(String service) {
    return HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.newBuilder().setService(service).build())
        .getStatus();
  }

  @Test
  void readinessFollowsTheDatabaseAndLivenessDoesNot() throws Exception {
    assertEquals(ServingStatus.SERVING, readiness.check());
    assertEquals(ServingStatus.SERVING, ask(""));
    assertEquals(ServingStatus.SERVING, ask(DatabaseReadiness.LIVENESS));

    String admin = db.url().substring(0, db.url().lastIndexOf('/')) + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, db.user(), db.password())) {
      c.createStatement().execute("DROP DATABASE " + db.databaseName() + " WITH (FORCE)");
    }
    assertEquals(ServingStatus.NOT_SERVING, readiness.check());
    assertEquals(ServingStatus.NOT_SERVING, ask(""));
    assertEquals(ServingStatus.SERVING, ask(DatabaseReadiness.LIVENESS));
    var outage = GrpcErrors.expect(Status.Code.UNAVAILABLE, () -> indicators.listIndicators(
        ListIndicatorsRequest.getDefaultInstance()));
    assertEquals("DATABASE_UNAVAILABLE", GrpcErrors.errorInfo(outage).getReason(),
        "an outage is UNAVAILABLE, which clients retry, not INTERNAL");

    try (Connection c = DriverManager.getConnection(admin, db.user(), db.password())) {
      c.createStatement().execute("CREATE DATABASE " + db.databaseName());
    }
    assertEquals(ServingStatus.SERVING, readiness.check(), "back when the database is");
    assertEquals(ServingStatus.SERVING, ask(""));
  }
}
