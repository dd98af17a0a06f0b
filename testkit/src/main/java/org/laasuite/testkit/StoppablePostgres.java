package org.laasuite.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A PostgreSQL server of a test's own, which the test may stop and start again (an outage), keeping
 * its data: the shared server on 5432 must never be stopped. Real binaries from Maven Central
 * (zonky), with fsync on, as the suite runs it.
 */
public final class StoppablePostgres implements AutoCloseable {

  private final Path data;
  private final int port;
  private EmbeddedPostgres server;

  public StoppablePostgres() {
    try {
      this.data = Files.createTempDirectory("laa-outage-pg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.port = Ports.free();
    start();
  }

  /** Starts the server (again) on the same port and data. */
  public void start() {
    try {
      server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
          .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
          .setPGStartupWait(Duration.ofSeconds(60)).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server (a fast shutdown: connections are cut, committed data stays). */
  public void stop() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The properties that point a service's datasource at this server's "postgres" database. */
  public Map<String, String> serviceProperties() {
    Map<String, String> p = new HashMap<>();
    p.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
    p.put("datasources.default.username", "postgres");
    p.put("datasources.default.password", "");
    p.put("grpc.server.port", String.valueOf(Ports.free()));
    p.put("micronaut.server.port", "-1");
    p.putAll(TestIssuer.properties()); // the tests' calls carry its tokens
    return p;
  }

  @Override
  public void close() {
    stop();
  }
}
