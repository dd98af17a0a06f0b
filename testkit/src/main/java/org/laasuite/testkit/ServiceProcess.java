package org.laasuite.testkit;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.laasuite.auth.BearerToken;
import org.laasuite.tools.Laa;

/**
 * One of the suite's services run as its own process from the jar the build made, as bin/laa runs it, on a
 * test database of its own, for tests that need a real service beside the one they test (or behind the
 * gateway). It can be stopped, killed and started again on the same port and database; its output is
 * appended to target/{module}.log of the module whose tests run it.
 */
public final class ServiceProcess {

  private final String module;
  private final String mainClass;
  private final String envPrefix;
  private final TestDatabase database;
  private final int grpcPort = Ports.free();
  private final Map<String, String> environment = new HashMap<>();
  private Process process;

  /**
   * The service built in the sibling directory {@code module} (its target/ holding the jar and classpath.txt),
   * started with {@code mainClass}, configured through the variables named with {@code envPrefix}
   * ("FUNDING_DB_URL"...), on the database {@code databaseName}.
   */
  public ServiceProcess(String module, String mainClass, String envPrefix, String databaseName) {
    this.module = module;
    this.mainClass = mainClass;
    this.envPrefix = envPrefix;
    this.database = TestDatabase.named(databaseName);
  }

  /** The funding service, on the database {@code databaseName}. */
  public static ServiceProcess funding(String databaseName) {
    return new ServiceProcess("funding-service", "org.laasuite.funding.Application", "FUNDING", databaseName);
  }

  /** The partnership service, on the database {@code databaseName}. */
  public static ServiceProcess partnership(String databaseName) {
    return new ServiceProcess("partnership-service", "org.laasuite.partnership.Application", "PARTNERSHIP",
        databaseName);
  }

  /** The indicators service, on the database {@code databaseName}. */
  public static ServiceProcess indicators(String databaseName) {
    return new ServiceProcess("indicators-service", "org.laasuite.indicators.Application", "INDICATORS",
        databaseName);
  }

  /** Sets an environment variable of the process (from its next start): where the other services are. */
  public ServiceProcess withEnv(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** "127.0.0.1:{port}", the same across restarts. */
  public String address() {
    return "127.0.0.1:" + grpcPort;
  }

  /** A channel to it calling as the tests' admin ({@link TestIssuer}); the caller shuts it down. */
  public ManagedChannel adminChannel() {
    return ManagedChannelBuilder.forTarget(address()).usePlaintext()
        .intercept(BearerToken.of(TestIssuer.token(TestIssuer.ADMIN)).onEveryCall()).build();
  }

  /** A channel to it whose calls carry only the credentials their stub gives them; the caller shuts it down. */
  public ManagedChannel channel() {
    return ManagedChannelBuilder.forTarget(address()).usePlaintext().build();
  }

  public TestDatabase database() {
    return database;
  }

  public synchronized void start() throws IOException {
    Path target = Path.of("").toAbsolutePath().getParent().resolve(module).resolve("target");
    Path jar = target.resolve(module + "-0.1.0-SNAPSHOT.jar");
    Path classpath = target.resolve("classpath.txt");
    if (!Files.isRegularFile(jar) || !Files.isRegularFile(classpath)) {
      throw new IllegalStateException(jar + " is not built: run the whole build (./mvnw verify), which packages "
          + module + " before the tests that run it");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-Xshare:auto", "--enable-native-access=ALL-UNNAMED", "-cp",
        jar + File.pathSeparator + Files.readString(classpath).trim(), mainClass));
    Map<String, String> env = pb.environment();
    env.put(envPrefix + "_DB_URL", database.url());
    env.put(envPrefix + "_DB_USER", database.user());
    env.put(envPrefix + "_DB_PASSWORD", database.password());
    env.put(envPrefix + "_GRPC_PORT", String.valueOf(grpcPort));
    env.put(envPrefix + "_HTTP_PORT", String.valueOf(Ports.free()));
    env.put("LAA_BIND_HOST", "127.0.0.1");
    env.put("LOG_FORMAT", "text");
    env.putAll(TestIssuer.environment());
    env.putAll(environment);
    File log = Path.of("target", module + ".log").toFile();
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    process = pb.start();
  }

  /** Until the service's health says SERVING (its database answers), at most 120 s. */
  public void awaitServing() throws Exception {
    if (Laa.run("wait-grpc", address(), "120") != 0) {
      throw new IllegalStateException(module + " did not start; its log is target/" + module + ".log");
    }
  }

  /** Starts it and waits until it serves. */
  public ServiceProcess started() throws Exception {
    start();
    awaitServing();
    return this;
  }

  /** A graceful stop (SIGTERM): in-flight calls may finish; forced after 30 s. */
  public synchronized void stop() {
    end(false);
  }

  /** A crash (SIGKILL): nothing in flight finishes. */
  public synchronized void kill() {
    end(true);
  }

  private void end(boolean kill) {
    if (process == null || !process.isAlive()) {
      return;
    }
    try {
      if (kill) {
        process.destroyForcibly().waitFor();
      } else {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
