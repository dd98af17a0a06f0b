package org.laasuite.reporting;

import io.micronaut.context.ApplicationContext;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.laasuite.testkit.Ports;
import org.laasuite.testkit.TestDatabase;
import org.laasuite.tools.Laa;

/**
 * The three real services, started once for all gateway tests as separate processes from the jars
 * the build made (as bin/laa starts them), each on its own test database, with the Coventry demo
 * data loaded through their import APIs. Stopped when the test JVM exits.
 */
public final class RunningSuite {

  private static RunningSuite instance;

  public final Service indicators;
  public final Service funding;
  public final Service partnership;

  private RunningSuite() throws Exception {
    indicators = new Service("indicators-service", "org.laasuite.indicators.Application", "INDICATORS");
    funding = new Service("funding-service", "org.laasuite.funding.Application", "FUNDING");
    partnership = new Service("partnership-service", "org.laasuite.partnership.Application", "PARTNERSHIP");
    for (Service s : List.of(indicators, funding, partnership)) {
      s.start();
    }
    for (Service s : List.of(indicators, funding, partnership)) {
      s.awaitServing();
    }
    Path data = root().resolve("data/coventry-2007-08");
    check(Laa.run("import-simple-view", indicators.address(), data.resolve("laa-simple-view.csv").toString()));
    check(Laa.run("import-narratives", indicators.address(), data.resolve("narratives.csv").toString()));
    check(Laa.run("import-funding", funding.address(), data.toString(), "2007-08"));
    check(Laa.run("import-partnership", partnership.address(), data.resolve("partnership.yaml").toString()));
  }

  public static synchronized RunningSuite get() {
    if (instance == null) {
      try {
        instance = new RunningSuite();
      } catch (Exception e) {
        throw new IllegalStateException("could not start the services for the gateway tests: " + e.getMessage(), e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        instance.indicators.stop();
        instance.funding.stop();
        instance.partnership.stop();
      }));
    }
    return instance;
  }

  /** The gateway's configuration pointing at these services. */
  public Map<String, String> gatewayProperties() {
    Map<String, String> p = new HashMap<>();
    p.put("laa.services.indicators", indicators.address());
    p.put("laa.services.funding", funding.address());
    p.put("laa.services.partnership", partnership.address());
    p.put("laa.reporting.financial-year", "2007-08");
    p.put("micronaut.server.port", "-1");
    p.put("grpc.server.port", String.valueOf(Ports.free()));
    // Management (/health, /prometheus) on its own port, as GATEWAY_MANAGEMENT_PORT gives it outside tests.
    p.put("endpoints.all.port", String.valueOf(Ports.free()));
    return p;
  }

  /** Where a gateway started with {@link #gatewayProperties()} serves /health and /prometheus. */
  public static URI management(ApplicationContext gateway) {
    return URI.create("http://127.0.0.1:" + gateway.getProperty("endpoints.all.port", Integer.class).orElseThrow());
  }

  static Path root() {
    return Path.of("").toAbsolutePath().getParent();
  }

  private static void check(int exitCode) {
    if (exitCode != 0) {
      throw new IllegalStateException("loading the demo data failed (exit " + exitCode + "); see the test output");
    }
  }

  /** One service process; it can be stopped and started again on the same port and database. */
  public static final class Service {
    private final String module;
    private final String mainClass;
    private final String envPrefix;
    private final TestDatabase database;
    private final int grpcPort = Ports.free();
    private Process process;

    Service(String module, String mainClass, String envPrefix) {
      this.module = module;
      this.mainClass = mainClass;
      this.envPrefix = envPrefix;
      this.database = TestDatabase.named("gateway_" + envPrefix);
    }

    public String address() {
      return "127.0.0.1:" + grpcPort;
    }

    public synchronized void start() throws IOException {
      Path target = root().resolve(module).resolve("target");
      Path jar = target.resolve(module + "-0.1.0-SNAPSHOT.jar");
      Path classpath = target.resolve("classpath.txt");
      if (!Files.isRegularFile(jar) || !Files.isRegularFile(classpath)) {
        throw new IllegalStateException(jar + " is not built: run the whole build (./mvnw verify), which packages "
            + "the services before the gateway's tests");
      }
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-Xshare:auto", "--enable-native-access=ALL-UNNAMED", "-cp",
          jar + File.pathSeparator + Files.readString(classpath).trim(), mainClass));
      ProcessBuilder pb = new ProcessBuilder(command);
      Map<String, String> env = pb.environment();
      env.put(envPrefix + "_DB_URL", database.url());
      env.put(envPrefix + "_DB_USER", database.user());
      env.put(envPrefix + "_DB_PASSWORD", database.password());
      env.put(envPrefix + "_GRPC_PORT", String.valueOf(grpcPort));
      env.put(envPrefix + "_HTTP_PORT", String.valueOf(Ports.free()));
      env.put("LAA_BIND_HOST", "127.0.0.1");
      env.put("LOG_FORMAT", "text");
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

    /**
     * Kills the process at once (SIGKILL), as a crash or the OOM killer would: no shutdown hooks, no
     * goodbye to its clients; the kernel closes its sockets. Returns when it is gone.
     */
    public synchronized void kill() throws InterruptedException {
      if (process != null && process.isAlive()) {
        process.destroyForcibly().waitFor();
      }
    }

    public synchronized void stop() {
      if (process != null && process.isAlive()) {
        process.destroy();
        try {
          if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
