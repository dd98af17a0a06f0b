package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.util.JsonFormat;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laasuite.auth.LocalIssuer;
import org.laasuite.reporting.v1.ReportCard;
import org.laasuite.reporting.v1.UnavailableSection;

/**
 * The gateway reads on behalf of a caller who sends a token, passing it on; the services verify it themselves
 * and never take the gateway's word for it. Shown with an issuer the gateway trusts and the services do not:
 * the anonymous reader gets the whole card (the gateway reads as itself), that caller a card whose every
 * section the services refused UNAUTHENTICATED.
 */
class CallerRelayTest {

  @Test
  void aCallersTokenIsPassedOnAndTheServicesVerifyItThemselves() throws Exception {
    LocalIssuer gatewayOnly = LocalIssuer.open(Files.createTempDirectory("gateway-only"), "https://gateway-only.test");
    Map<String, Object> p = new HashMap<>(RunningSuite.get().gatewayProperties());
    p.put("laa.security.issuers.gatewayonly.issuer", gatewayOnly.issuer());
    p.put("laa.security.issuers.gatewayonly.jwks", gatewayOnly.jwks().toString());
    try (EmbeddedServer gateway = ApplicationContext.run(EmbeddedServer.class, p)) {
      var anonymous = Http.get(gateway.getURI(), "/api/v1/report-cards/CYP-28");
      assertEquals(200, anonymous.statusCode(), anonymous.body());
      assertEquals(List.of(), card(anonymous.body()).getUnavailableList());

      var relayed = Http.authorized(gateway.getURI(), "/api/v1/report-cards/CYP-28",
          "Bearer " + gatewayOnly.mint("people/someone", Map.of(), Duration.ofMinutes(5)));
      assertEquals(200, relayed.statusCode(), "the gateway accepts the token: " + relayed.body());
      Map<String, String> refused = new HashMap<>();
      for (UnavailableSection u : card(relayed.body()).getUnavailableList()) {
        refused.put(u.getSection() + " " + u.getService(), u.getCode());
      }
      // The governance section needs the indicator's theme group, which the refused performance call did not give;
      // the decisions are asked of the partnership service at once, which refuses the token itself.
      assertEquals(Map.of("SECTION_PERFORMANCE indicators-service", "UNAUTHENTICATED",
          "SECTION_FUNDING funding-service", "UNAUTHENTICATED",
          "SECTION_GOVERNANCE partnership-service", "FAILED_PRECONDITION",
          "SECTION_DECISIONS partnership-service", "UNAUTHENTICATED"), refused,
          "the services refuse what they cannot verify");
    }
  }

  private static ReportCard card(String json) throws Exception {
    ReportCard.Builder b = ReportCard.newBuilder();
    JsonFormat.parser().merge(json, b);
    return b.build();
  }
}
