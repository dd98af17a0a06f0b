package org.laasuite.indicators.grpc;

import java.util.HashMap;
import java.util.Map;
import org.laasuite.testkit.ServiceProcess;

/**
 * The real funding and partnership services, started once (as processes, each on a database of its own)
 * for the tests of this service that delete indicators: before it deletes one for good, the indicators
 * service asks them what names it. Stopped when the test JVM exits.
 */
final class OtherServices {

  private static OtherServices instance;

  final ServiceProcess funding = ServiceProcess.funding("indicators_tests_funding");
  final ServiceProcess partnership = ServiceProcess.partnership("indicators_tests_partnership");

  private OtherServices() throws Exception {
    funding.start();
    partnership.start();
    funding.awaitServing();
    partnership.awaitServing();
  }

  static synchronized OtherServices get() {
    if (instance == null) {
      try {
        instance = new OtherServices();
      } catch (Exception e) {
        throw new IllegalStateException("could not start the funding and partnership services: " + e.getMessage(), e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        instance.funding.stop();
        instance.partnership.stop();
      }));
    }
    return instance;
  }

  /** {@code properties} with the indicators service pointed at these two. */
  static Map<String, String> with(Map<String, String> properties) {
    OtherServices others = get();
    Map<String, String> p = new HashMap<>(properties);
    p.put("laa.services.funding", others.funding.address());
    p.put("laa.services.partnership", others.partnership.address());
    return p;
  }
}
