package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.reporting.v1.BlockSummary;
import org.laasuite.reporting.v1.CommitmentPage;
import org.laasuite.reporting.v1.ReportCard;
import org.laasuite.reporting.v1.Section;
import org.laasuite.reporting.v1.UnavailableSection;

/**
 * A service down or slow past the deadline: pages still render, with that section marked
 * unavailable, and the section returns when the service does.
 */
class DegradationTest {

  private static EmbeddedServer gateway(Map<String, String> overrides) {
    Map<String, Object> p = new HashMap<>(RunningSuite.get().gatewayProperties());
    p.put("laa.reporting.deadline", "1500ms");
    p.put("endpoints.health.details-visible", "ANONYMOUS"); // what bin/laa sets: the channels' states
    p.putAll(overrides);
    return ApplicationContext.run(EmbeddedServer.class, p);
  }

  private static ReportCard card(EmbeddedServer gateway) throws IOException {
    var r = Http.get(gateway.getURI(), "/api/v1/report-cards/CYP-28");
    assertEquals(200, r.statusCode(), r.body());
    ReportCard.Builder b = ReportCard.newBuilder();
    JsonFormat.parser().merge(r.body(), b);
    return b.build();
  }

  @Test
  void stoppingTheFundingServiceLeavesCardsServedWithFundingUnavailableUntilItIsBack() throws Exception {
    RunningSuite suite = RunningSuite.get();
    try (EmbeddedServer gateway = gateway(Map.of())) {
      assertEquals(List.of(), card(gateway).getUnavailableList());
      suite.funding.stop();
      try {
        ReportCard card = card(gateway);
        assertEquals(Rating.RATING_RED, card.getPerformance().getComputedJudgement().getRating(), "performance still there");
        UnavailableSection funding = only(card.getUnavailableList());
        assertEquals(Section.SECTION_FUNDING, funding.getSection());
        assertEquals("funding-service", funding.getService());
        var html = Http.get(gateway.getURI(), "/report-cards/CYP-28");
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("data-section=\"FUNDING\""), "the page says funding is unavailable");
        var block = Http.get(gateway.getURI(), "/blocks/children-and-young-people");
        assertEquals(200, block.statusCode());
        assertTrue(block.body().contains("funding-service cannot be reached"), block.body());
        assertEquals(200, Http.get(gateway.getURI(), "/").statusCode());
        assertNotEquals("READY", channelState(gateway, "funding-service"), "/health shows the channel down");
        assertEquals("READY", channelState(gateway, "indicators-service"));
        assertEquals(200, Http.get(RunningSuite.management(gateway.getApplicationContext()), "/health/readiness")
            .statusCode(), "the gateway stays ready");
      } finally {
        suite.funding.start();
        suite.funding.awaitServing();
      }
      assertEquals(List.of(), card(gateway).getUnavailableList(), "funding returns with the service");
      assertEquals("READY", channelState(gateway, "funding-service"), "and /health shows its channel ready");
    }
  }

  /** A service that accepts the connection and never answers: the deadline ends the wait. */
  @Test
  void aServiceSlowPastTheDeadlineIsMarkedUnavailableAndTheRestIsServed() throws Exception {
    try (BlackHole hole = new BlackHole();
        EmbeddedServer gateway = gateway(Map.of("laa.services.partnership", "127.0.0.1:" + hole.port()))) {
      ReportCard card = card(gateway);
      // Both of the card's partnership sections: its theme group and actions, and the decisions about it.
      assertEquals(List.of(Section.SECTION_GOVERNANCE, Section.SECTION_DECISIONS), card.getUnavailableList().stream()
          .map(UnavailableSection::getSection).sorted().toList());
      for (UnavailableSection partnership : card.getUnavailableList()) {
        assertEquals("partnership-service", partnership.getService());
        assertEquals("DEADLINE_EXCEEDED", partnership.getCode());
        assertTrue(partnership.getReason().contains("1500ms"), partnership.getReason());
      }
      assertFalse(card.hasThemeGroup());
      assertEquals(List.of(), card.getDecisionsList());
      assertEquals(Rating.RATING_RED, card.getPerformance().getComputedJudgement().getRating());
      var page = Http.get(gateway.getURI(), "/report-cards/CYP-28");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("data-section=\"DECISIONS\""), "the page says the decisions are unavailable");
      assertTrue(page.body().contains("The decisions cannot be shown just now"), page.body());

      // A commitment's page keeps its funding, and says its decisions and actions are unavailable.
      var commitment = Http.get(gateway.getURI(), "/api/v1/commitments/partnership-support-officers");
      assertEquals(200, commitment.statusCode(), commitment.body());
      CommitmentPage.Builder c = CommitmentPage.newBuilder();
      JsonFormat.parser().merge(commitment.body(), c);
      assertEquals("Partnership Support Officer posts (Coventry Partnership Secretariat)", c.getCommitment().getTitle());
      assertEquals(List.of(Section.SECTION_GOVERNANCE, Section.SECTION_DECISIONS), c.getUnavailableList().stream()
          .map(UnavailableSection::getSection).sorted().toList());
      var commitmentPage = Http.get(gateway.getURI(), "/commitments/partnership-support-officers");
      assertEquals(200, commitmentPage.statusCode());
      assertTrue(commitmentPage.body().contains("The actions cannot be shown just now"), commitmentPage.body());

      var r = Http.get(gateway.getURI(), "/api/v1/blocks/children-and-young-people");
      assertEquals(200, r.statusCode());
      BlockSummary.Builder b = BlockSummary.newBuilder();
      JsonFormat.parser().merge(r.body(), b);
      assertEquals(41, b.getJudgements().getTotal());
      assertTrue(b.getFunding().hasPooled(), "funding still there");
      assertEquals(Section.SECTION_GOVERNANCE, only(b.getUnavailableList()).getSection());
    }
  }

  /** The state /health gives the gateway's channel to {@code service}; /health itself answers 200 (UP). */
  @SuppressWarnings("unchecked")
  private static String channelState(EmbeddedServer gateway, String service) {
    var health = Http.get(RunningSuite.management(gateway.getApplicationContext()), "/health");
    assertEquals(200, health.statusCode(), health.body());
    Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(health.body());
    var upstreams = (Map<String, Object>) ((Map<String, Object>) doc.get("details")).get("upstreams");
    assertEquals("UP", upstreams.get("status"));
    return (String) ((Map<String, Object>) ((Map<String, Object>) upstreams.get("details")).get(service)).get("state");
  }

  private static UnavailableSection only(List<UnavailableSection> list) {
    assertEquals(1, list.size(), list.toString());
    return list.getFirst();
  }

  /** Accepts TCP connections and never says a word. */
  private static final class BlackHole implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new ArrayList<>();
    private final Thread acceptor;

    BlackHole() throws IOException {
      socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
      acceptor = Thread.ofVirtual().start(() -> {
        try {
          while (!socket.isClosed()) {
            Socket s = socket.accept();
            synchronized (accepted) {
              accepted.add(s);
            }
          }
        } catch (IOException closed) {
          // closed by close()
        }
      });
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() {
      try {
        socket.close();
        synchronized (accepted) {
          for (Socket s : accepted) {
            s.close();
          }
        }
        acceptor.join();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
