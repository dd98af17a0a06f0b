package org.laasuite.bench;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.laasuite.auth.BearerToken;

/**
 * The running suite as the bench reaches it: the gateway over HTTP (no token: its pages are public) and gRPC, the
 * indicators service over gRPC as the partnership admin (LAA_TOKEN, for the writes), and the indicators database.
 */
final class Suite implements AutoCloseable {

  final Options options;
  final HttpClient http;
  final ManagedChannel gateway;
  final ManagedChannel indicators;
  final Processes processes;

  Suite(Options options) {
    this.options = options;
    // HTTP/1.1 as browsers reach the gateway on loopback; the open loop opens as many connections as it needs.
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .build();
    this.gateway = ManagedChannelBuilder.forTarget(options.gatewayGrpc()).usePlaintext()
        .maxInboundMessageSize(64 * 1024 * 1024).build();
    String token = System.getenv("LAA_TOKEN");
    ManagedChannelBuilder<?> b = ManagedChannelBuilder.forTarget(options.indicatorsGrpc()).usePlaintext()
        .maxInboundMessageSize(64 * 1024 * 1024);
    if (token != null && !token.isBlank()) {
      b.intercept(BearerToken.of(token.strip()).onEveryCall());
    }
    this.indicators = b.build();
    this.processes = new Processes(options.runDir(), options.logDir());
  }

  HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(options.gatewayHttp() + path)).timeout(Duration.ofSeconds(30)).GET()
        .build();
  }

  /** GETs {@code path}, answering the body's size in bytes; anything but 200 is an error. */
  int fetch(String path) throws Exception {
    HttpResponse<byte[]> r = http.send(get(path), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode());
    }
    return r.body().length;
  }

  Connection database() throws SQLException {
    return DriverManager.getConnection(options.indicatorsDb(), options.dbUser(), options.dbPassword());
  }

  @Override
  public void close() {
    gateway.shutdownNow();
    indicators.shutdownNow();
    http.close();
  }
}
