package org.laasuite.indicators.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ManagedChannel;
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
import org.laasuite.testkit.TestDatabase;

/** Readiness follows the database; liveness does not. The database really goes away here. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessTest implements TestPropertyProvider {

  private final TestDatabase db = TestDatabase.forClass(ReadinessTest.class);

  @Inject
  DatabaseReadiness readiness;
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

    try (Connection c = DriverManager.getConnection(admin, db.user(), db.password())) {
      c.createStatement().execute("CREATE DATABASE " + db.databaseName());
    }
    assertEquals(ServingStatus.SERVING, readiness.check(), "back when the database is");
    assertEquals(ServingStatus.SERVING, ask(""));
  }
}
