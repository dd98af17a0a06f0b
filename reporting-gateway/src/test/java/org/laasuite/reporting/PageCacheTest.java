package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.FieldMask;
import com.google.type.Date;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.indicators.v1.Indicator;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.UpdateIndicatorRequest;
import org.laasuite.partnership.v1.AgendaItem;
import org.laasuite.partnership.v1.CreateMeetingRequest;
import org.laasuite.partnership.v1.Decision;
import org.laasuite.partnership.v1.Meeting;
import org.laasuite.partnership.v1.MeetingStatus;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.reporting.cache.ChangeWatch;
import org.laasuite.testkit.TestIssuer;

/**
 * The public pages are served from what was assembled and rendered, until anything under them changes: a second
 * read of a card is kept (no call to any service), a write to a service is told to the gateway (WatchChanges) and the
 * next read shows it; what is read with a caller's own token is never kept.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageCacheTest implements TestPropertyProvider {

  private static final String CODE = "CACHE-1";

  @Inject
  EmbeddedServer server;
  @Inject
  MeterRegistry metrics;
  @Inject
  ChangeWatch changes;
  private OwnIndicator own;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(RunningSuite.get().gatewayProperties("20s"));
    p.put("laa.reporting.cache.enabled", "true");
    return p;
  }

  @BeforeAll
  void watching() throws Exception {
    own = new OwnIndicator(CODE, "Cached first title", "%");
    long seen = changes.generation();
    // the three services say they are watching, each moving the generation on
    while (!changes.allWatched()) {
      assertTrue(changes.awaitBeyond(seen, Duration.ofSeconds(60)), "the services are watched");
      seen = changes.generation();
    }
  }

  @AfterAll
  void archive() {
    own.close();
  }

  private URI base() {
    return server.getURI();
  }

  private double count(String result) {
    var counter = metrics.find("laa.reporting.cache.requests").tag("result", result).counter();
    return counter == null ? 0 : counter.count();
  }

  private double upstreamCalls() {
    return metrics.find("grpc.client.requests.sent").counters().stream().mapToDouble(c -> c.count()).sum();
  }

  @Test
  void aCardIsKeptUntilAWriteToAServiceIsToldAndThenShowsIt() throws Exception {
    String first = Http.get(base(), "/api/v1/report-cards/" + CODE).body();
    assertTrue(first.contains("Cached first title"), first);
    double hits = count("hit");
    double calls = upstreamCalls();
    assertEquals(first, Http.get(base(), "/api/v1/report-cards/" + CODE).body());
    assertEquals(hits + 1, count("hit"), "the second read is the kept one");
    assertEquals(calls, upstreamCalls(), "and asks no service");

    long seen = changes.generation();
    IndicatorServiceGrpc.newBlockingStub(RunningSuite.get().indicators.channel())
        .withCallCredentials(TestIssuer.admin()).updateIndicator(UpdateIndicatorRequest.newBuilder()
            .setIndicator(Indicator.newBuilder().setName(own.name).setTitle("Cached second title"))
            .setUpdateMask(FieldMask.newBuilder().addPaths("title")).build());
    assertTrue(changes.awaitBeyond(seen, Duration.ofSeconds(60)), "the indicators service told of its write");
    String second = Http.get(base(), "/api/v1/report-cards/" + CODE).body();
    assertTrue(second.contains("Cached second title"), second);
    assertFalse(second.contains("Cached first title"));
  }

  @Test
  void aCardIsKeptUntilADecisionAboutItIsMinutedAndThenListsIt() throws Exception {
    String decided = "Keep the cached indicator under review";
    String first = Http.get(base(), "/api/v1/report-cards/" + CODE).body();
    assertFalse(first.contains(decided), first);
    long seen = changes.generation();
    var channel = RunningSuite.get().partnership.channel();
    try {
      PartnershipServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.admin())
          .createMeeting(CreateMeetingRequest.newBuilder().setMeeting(Meeting.newBuilder().setId("page-cache-2007-10-10")
              .setBody(OwnIndicator.THEME_GROUP).setDate(Date.newBuilder().setYear(2007).setMonth(10).setDay(10))
              .setStatus(MeetingStatus.MEETING_STATUS_HELD)
              .addItems(AgendaItem.newBuilder().setNumber(1).setTitle("Performance"))
              .addDecisions(Decision.newBuilder().setItem(1).setText(decided).addIndicators(own.name))).build());
    } finally {
      channel.shutdownNow();
    }
    assertTrue(changes.awaitBeyond(seen, Duration.ofSeconds(60)), "the partnership service told of its write");
    String second = Http.get(base(), "/api/v1/report-cards/" + CODE).body();
    assertTrue(second.contains(decided), second);
  }

  @Test
  void thePdfAndThePageAreKeptLikeTheirModel() {
    byte[] pdf = Http.bytes(base(), "/report-cards/" + CODE + ".pdf").body();
    double hits = count("hit");
    byte[] again = Http.bytes(base(), "/report-cards/" + CODE + ".pdf").body();
    assertEquals(hits + 1, count("hit"));
    assertEquals(java.util.Arrays.toString(pdf), java.util.Arrays.toString(again), "the same bytes");
    String page = Http.get(base(), "/report-cards/" + CODE).body();
    hits = count("hit");
    assertEquals(page, Http.get(base(), "/report-cards/" + CODE).body());
    assertEquals(hits + 1, count("hit"));
  }

  @Test
  void whatACallerReadsWithTheirOwnTokenIsNeverKept() {
    double bypasses = count("bypass");
    var answer = Http.authorized(base(), "/api/v1/report-cards/" + CODE, "Bearer " + TestIssuer.token(
        TestIssuer.ADMIN));
    assertEquals(200, answer.statusCode(), answer.body());
    assertNotEquals(bypasses, count("bypass"), "read afresh, as the caller");
  }
}
