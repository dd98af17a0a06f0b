package org.laasuite.common.grpc;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code grpc.health.v1} answers. The server as a whole (service "") is SERVING only while the
 * database answers: that is what readiness probes ask, so a pod without its database gets no
 * traffic. Service {@value #LIVENESS} is SERVING while the process runs: liveness probes ask that,
 * so an outage of the database does not restart every pod.
 */
@Singleton
@Requires(beans = {HealthStatusManager.class, ConnectionOperations.class})
public class DatabaseReadiness {

  public static final String LIVENESS = "liveness";
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseReadiness.class);

  private final HealthStatusManager health;
  private final ConnectionOperations<Connection> connections;
  private volatile ServingStatus last = ServingStatus.UNKNOWN;

  public DatabaseReadiness(HealthStatusManager health, ConnectionOperations<Connection> connections) {
    this.health = health;
    this.connections = connections;
  }

  /**
   * Whether the database answers a query. A query, not {@code isValid}: a pooled connection the server
   * dropped then fails with a connection error, which makes the pool evict it.
   */
  private static boolean valid(io.micronaut.data.connection.ConnectionStatus<Connection> status) {
    try (var statement = status.getConnection().createStatement()) {
      statement.setQueryTimeout(2);
      statement.execute("SELECT 1");
      return true;
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  /**
   * Asks again (up to five times) when the answer is no or the connection fails: it may have been one the server
   * dropped while the pool held it, which the failure evicts. When the pool cannot connect at all, once is enough.
   * The last failure, if every attempt failed, is thrown for the log.
   */
  private boolean answers() {
    RuntimeException failure = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        if (connections.executeRead(DatabaseReadiness::valid)) {
          return true;
        }
      } catch (RuntimeException e) {
        failure = e;
        if (noConnection(e)) {
          break; // the pool could not connect at all: asking again would only wait again
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return false;
  }

  /** Whether {@code e} says the pool timed out waiting for a connection (the server refuses or is gone). */
  private static boolean noConnection(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }

  /** Asks the database, and says what it found to the health service. */
  @Scheduled(fixedDelay = "${laa.health.interval:5s}", initialDelay = "${laa.health.initial-delay:1s}")
  public ServingStatus check() {
    ServingStatus status;
    try {
      status = answers() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    } catch (RuntimeException e) {
      status = ServingStatus.NOT_SERVING;
      if (last != ServingStatus.NOT_SERVING) {
        LOG.warn("database unreachable, reporting NOT_SERVING: {}", e.getMessage());
      }
    }
    if (status == ServingStatus.SERVING && last == ServingStatus.NOT_SERVING) {
      LOG.info("database reachable again, reporting SERVING");
    }
    last = status;
    health.setStatus("", status);
    health.setStatus(LIVENESS, ServingStatus.SERVING);
    return status;
  }
}
