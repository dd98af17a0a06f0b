package org.laasuite.reporting;

import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.testkit.Ports;
import org.laasuite.testkit.ServiceProcess;
import org.laasuite.testkit.TestIssuer;
import org.laasuite.tools.Laa;

/**
 * The three real services, started once for all gateway tests as separate processes from the jars
 * the build made (as bin/laa starts them, {@link ServiceProcess}), each on its own test database, with the Coventry demo
 * data loaded through their import APIs. Stopped when the test JVM exits.
 */
public final class RunningSuite {

  private static RunningSuite instance;

  public final ServiceProcess indicators;
  public final ServiceProcess funding;
  public final ServiceProcess partnership;

  private RunningSuite() throws Exception {
    partnership = ServiceProcess.partnership("gateway_partnership");
    // Both ask the partnership service what a caller may do before a write.
    funding = ServiceProcess.funding("gateway_funding").withEnv("PARTNERSHIP_ADDRESS", partnership.address());
    // The indicators service asks the other two before it deletes an indicator for good.
    indicators = ServiceProcess.indicators("gateway_indicators").withEnv("FUNDING_ADDRESS", funding.address())
        .withEnv("PARTNERSHIP_ADDRESS", partnership.address());
    for (ServiceProcess s : List.of(indicators, funding, partnership)) {
      s.start();
    }
    for (ServiceProcess s : List.of(indicators, funding, partnership)) {
      s.awaitServing();
    }
    Path data = root().resolve("data/coventry-2007-08");
    System.setProperty("laa.token", TestIssuer.token(TestIssuer.ADMIN)); // the imports run as the admin
    check(Laa.run("import-simple-view", indicators.address(), data.resolve("laa-simple-view.csv").toString()));
    check(Laa.run("import-narratives", indicators.address(), data.resolve("narratives.csv").toString()));
    check(Laa.run("import-comparators", indicators.address(), data.resolve("comparators.csv").toString()));
    check(Laa.run("import-funding", funding.address(), data.toString(), "2007-08"));
    check(Laa.run("import-partnership", partnership.address(), data.resolve("partnership.yaml").toString()));
    // As bin/laa links each demo person to its local issuer: here the tests' issuer, subject "people/{id}".
    check(Laa.run("link-sign-ins", partnership.address(), TestIssuer.ISSUER));
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
    // As bin/laa does: the demo data's day, the Leaders & Advisors meeting of 22 August 2007.
    p.put("laa.work.as-of", "2007-08-22");
    p.put("micronaut.server.port", "-1");
    p.put("grpc.server.port", String.valueOf(Ports.free()));
    // Management (/health, /prometheus) on its own port, as GATEWAY_MANAGEMENT_PORT gives it outside tests.
    p.put("endpoints.all.port", String.valueOf(Ports.free()));
    // It trusts the tests' issuer, and calls the services with a token of its own signed by it.
    p.putAll(TestIssuer.properties());
    p.put("laa.security.local-issuer.directory", TestIssuer.get().directory().toString());
    p.put("laa.security.local-issuer.issuer", TestIssuer.ISSUER);
    // Pages assembled afresh each time: a test that writes to a service and reads the page at once must not race
    // the service's word of the write. PageCacheTest tests the cache.
    p.put("laa.reporting.cache.enabled", "false");
    return p;
  }

  /**
   * The same, each call to a service allowed {@code deadline} ("20s": generous, for tests of what the pages show on a
   * loaded machine); a map the caller may add to.
   */
  public Map<String, String> gatewayProperties(String deadline) {
    Map<String, String> p = gatewayProperties();
    p.put("laa.reporting.deadline", deadline);
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
}
