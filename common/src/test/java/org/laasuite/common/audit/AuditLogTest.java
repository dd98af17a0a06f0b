package org.laasuite.common.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.Protos;
import org.laasuite.funding.v1.Arrangement;
import org.laasuite.funding.v1.FundingStream;
import org.laasuite.testkit.TestDatabase;
import org.laasuite.type.v1.AuditEvent;
import org.laasuite.type.v1.ListAuditEventsRequest;
import org.laasuite.type.v1.ListAuditEventsResponse;

/**
 * The audit trail on a real database: events keep who, what and the resource before and after; the table refuses
 * every change and deletion, whoever asks; listings filter by resource (exact, or a prefix), person and time, newest
 * first, page by key, and refuse bad filters naming the field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTest {

  private final TestDatabase db = TestDatabase.forClass(AuditLogTest.class);

  private static final FundingStream STREAM = FundingStream.newBuilder().setName("fundingStreams/nrf")
      .setId("nrf").setTitle("Neighbourhood Renewal Fund").setArrangement(Arrangement.ARRANGEMENT_ALIGNED)
      .setEtag("\"1-1\"").build();

  @BeforeAll
  void theTable() throws Exception {
    try (Connection c = db.connect()) {
      AuditLog.createTable(c);
      AuditLog.createTable(c); // a migration run again changes nothing
    }
  }

  private static AuditLog.Entry entry(String resource, String person, FundingStream before, FundingStream after) {
    return new AuditLog.Entry("laa.funding.v1.FundingService/UpdateFundingStream", resource,
        before == null ? AuditLog.CREATE : after == null ? AuditLog.DELETE : AuditLog.UPDATE, person,
        "organisations/city-council", "https://issuer.example.org", "sub-1", "req-1", "call-1", "10.0.0.7", before,
        after);
  }

  private void insert(AuditLog.Entry... entries) throws SQLException {
    try (Connection c = db.connect()) {
      for (AuditLog.Entry e : entries) {
        e.insert(c);
      }
    }
  }

  private ListAuditEventsResponse list(ListAuditEventsRequest.Builder r) throws SQLException {
    try (Connection c = db.connect()) {
      return AuditLog.Filter.of(r.build()).read(c);
    }
  }

  private List<String> resources(ListAuditEventsRequest.Builder r) throws SQLException {
    return list(r).getEventsList().stream().map(AuditEvent::getResource).toList();
  }

  /** Events inserted as of {@code time}, as the migration's default would have stamped them then. */
  private void insertAt(String resource, String person, Instant time) throws SQLException {
    db.execute("INSERT INTO audit_event (create_time, method, resource, action, person, organisation, issuer, "
        + "subject, request_id, call_id, client_address, changed_fields) VALUES ('" + time + "', 'm', '" + resource
        + "', 'update', '" + person + "', '', 'i', 's', '', 'c', '', '{}')");
  }

  @Test
  void anEventKeepsWhoWhatAndTheResourceBeforeAndAfter() throws Exception {
    FundingStream after = STREAM.toBuilder().setTitle("NRF").setEtag("\"1-2\"").build();
    insert(entry("fundingStreams/kept", "people/fin", STREAM, after));
    AuditEvent e = list(ListAuditEventsRequest.newBuilder().setResource("fundingStreams/kept")).getEvents(0);
    assertTrue(e.getName().matches("auditEvents/[0-9]+"), e.getName());
    assertEquals("laa.funding.v1.FundingService/UpdateFundingStream", e.getMethod());
    assertEquals(AuditLog.UPDATE, e.getAction());
    assertEquals(List.of("people/fin", "organisations/city-council", "https://issuer.example.org", "sub-1", "req-1",
        "call-1", "10.0.0.7"), List.of(e.getPerson(), e.getOrganisation(), e.getIssuer(), e.getSubject(),
        e.getRequestId(), e.getCallId(), e.getClientAddress()));
    assertEquals("Neighbourhood Renewal Fund", e.getBefore().getFieldsOrThrow("title").getStringValue());
    assertEquals("NRF", e.getAfter().getFieldsOrThrow("title").getStringValue());
    assertEquals("ARRANGEMENT_ALIGNED", e.getAfter().getFieldsOrThrow("arrangement").getStringValue());
    assertEquals(Value.newBuilder().setStringValue("").build(), e.getAfter().getFieldsOrThrow("funder"),
        "fields left empty are kept, so a field that was cleared shows");
    assertEquals(List.of("title", "etag"), e.getChangedFieldsList());
    assertTrue(e.getCreateTime().getSeconds() > 0);
  }

  @Test
  void aCreateHasNoBeforeAndADeleteNoAfter() throws Exception {
    insert(entry("fundingStreams/created", "", null, STREAM), entry("fundingStreams/deleted", "", STREAM, null));
    AuditEvent created = list(ListAuditEventsRequest.newBuilder().setResource("fundingStreams/created")).getEvents(0);
    AuditEvent deleted = list(ListAuditEventsRequest.newBuilder().setResource("fundingStreams/deleted")).getEvents(0);
    assertFalse(created.hasBefore());
    assertTrue(created.hasAfter());
    assertEquals(List.of("name", "id", "title", "arrangement", "etag"), created.getChangedFieldsList());
    assertTrue(deleted.hasBefore());
    assertFalse(deleted.hasAfter());
    assertEquals(created.getChangedFieldsList(), deleted.getChangedFieldsList());
  }

  @Test
  void changedFieldsAreTheTopLevelFieldsThatDifferSetOrNot() {
    FundingStream dated = STREAM.toBuilder().setStartDate(Protos.date(java.time.LocalDate.of(2007, 4, 1))).build();
    assertEquals(List.of("start_date"), AuditLog.changedFields(STREAM, dated));
    assertEquals(List.of("start_date"), AuditLog.changedFields(dated, STREAM));
    assertEquals(List.of(), AuditLog.changedFields(STREAM, STREAM.toBuilder().build()));
    assertEquals(List.of(), AuditLog.changedFields(null, null));
    assertThrows(IllegalArgumentException.class, () -> AuditLog.changedFields(STREAM, Timestamp.getDefaultInstance()));
  }

  @Test
  void theTableRefusesEveryUpdateDeleteAndTruncateWhoeverAsks() throws Exception {
    insert(entry("fundingStreams/permanent", "people/fin", null, STREAM));
    String before = db.queryOne("SELECT count(*) || ':' || string_agg(resource || person, ',' ORDER BY id) "
        + "FROM audit_event");
    for (String change : List.of("UPDATE audit_event SET person = 'people/someone-else'",
        "UPDATE audit_event SET after = NULL WHERE resource = 'fundingStreams/permanent'",
        "DELETE FROM audit_event WHERE resource = 'fundingStreams/permanent'",
        "DELETE FROM audit_event WHERE false", "TRUNCATE audit_event")) {
      SQLException refused = assertThrows(SQLException.class, () -> db.execute(change), change);
      assertEquals("42501", refused.getSQLState(), change);
      assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
    }
    assertEquals(before, db.queryOne("SELECT count(*) || ':' || string_agg(resource || person, ',' ORDER BY id) "
        + "FROM audit_event"));
  }

  @Test
  void aResourceFilterIsTheExactNameOrWithATrailingSlashEverythingUnderIt() throws Exception {
    for (String r : List.of("indicators", "indicators/CYP-28", "indicators/CYP-28/outturns/1", "indicators/CYP-280",
        "indicators/CYPX28", "areas/city")) {
      insertAt(r, "", Instant.parse("2008-01-01T00:00:00Z"));
    }
    assertEquals(List.of("indicators/CYP-28"), resources(ListAuditEventsRequest.newBuilder()
        .setResource("indicators/CYP-28")));
    assertEquals(List.of("indicators/CYP-28/outturns/1", "indicators/CYP-28"), resources(ListAuditEventsRequest
        .newBuilder().setResource("indicators/CYP-28/")));
    assertEquals(List.of("indicators/CYPX28", "indicators/CYP-280", "indicators/CYP-28/outturns/1",
        "indicators/CYP-28", "indicators"), resources(ListAuditEventsRequest.newBuilder().setResource("indicators/")));
    assertEquals(List.of(), resources(ListAuditEventsRequest.newBuilder().setResource("indicators/CYP_28/")),
        "_ and % are not wildcards");
    assertEquals(List.of(), resources(ListAuditEventsRequest.newBuilder().setResource("indicators/%")));
  }

  @Test
  void personAndTimeFiltersCombineAndTheRangeIncludesItsStartButNotItsEnd() throws Exception {
    Instant t = Instant.parse("2009-05-01T10:00:00Z");
    insertAt("bodies/board", "people/sam", t.minusSeconds(60));
    insertAt("bodies/board", "people/sam", t);
    insertAt("bodies/board", "people/sec", t);
    insertAt("bodies/board", "people/sam", t.plusSeconds(60));
    var board = ListAuditEventsRequest.newBuilder().setResource("bodies/board");
    assertEquals(3, list(board.clone().setPerson("people/sam")).getEventsCount());
    assertEquals(List.of("people/sec", "people/sam"), list(board.clone().setStartTime(Protos.timestamp(t))
        .setEndTime(Protos.timestamp(t.plusSeconds(60)))).getEventsList().stream().map(AuditEvent::getPerson)
        .toList());
    var atT = list(board.clone().setPerson("people/sam").setStartTime(Protos.timestamp(t))
        .setEndTime(Protos.timestamp(t.plusNanos(1_000))));
    assertEquals(1, atT.getEventsCount());
    assertEquals(Protos.timestamp(t), atT.getEvents(0).getCreateTime());
    assertEquals(4, list(board.clone().setEndTime(Protos.timestamp(t.plusSeconds(61)))).getEventsCount());
    assertEquals(0, list(board.clone().setStartTime(Protos.timestamp(t.plusSeconds(61)))).getEventsCount());
  }

  @Test
  void pagesAreNewestFirstAndEventsRecordedMeanwhileDoNotMoveThem() throws Exception {
    for (int i = 1; i <= 5; i++) {
      insertAt("risks/r" + i, "people/pager", Instant.parse("2010-01-01T00:00:00Z"));
    }
    var pager = ListAuditEventsRequest.newBuilder().setPerson("people/pager").setPageSize(2);
    ListAuditEventsResponse first = list(pager);
    assertEquals(List.of("risks/r5", "risks/r4"), first.getEventsList().stream().map(AuditEvent::getResource)
        .toList());
    insertAt("risks/r6", "people/pager", Instant.parse("2010-01-01T00:00:00Z"));
    ListAuditEventsResponse second = list(pager.clone().setPageToken(first.getNextPageToken()));
    assertEquals(List.of("risks/r3", "risks/r2"), second.getEventsList().stream().map(AuditEvent::getResource)
        .toList());
    ListAuditEventsResponse third = list(pager.clone().setPageToken(second.getNextPageToken()));
    assertEquals(List.of("risks/r1"), third.getEventsList().stream().map(AuditEvent::getResource).toList());
    assertEquals("", third.getNextPageToken());
  }

  private static List<String> refusedFields(ListAuditEventsRequest.Builder r) {
    ApiException e = assertThrows(ApiException.class, () -> AuditLog.Filter.of(r.build()));
    assertEquals(io.grpc.Status.Code.INVALID_ARGUMENT, e.code());
    return e.violations().stream().map(v -> v.getField()).toList();
  }

  @Test
  void badFiltersAreRefusedNamingEachField() throws Exception {
    Timestamp later = Protos.timestamp(Instant.parse("2010-01-02T00:00:00Z"));
    Timestamp earlier = Protos.timestamp(Instant.parse("2010-01-01T00:00:00Z"));
    assertEquals(List.of("person"), refusedFields(ListAuditEventsRequest.newBuilder().setPerson("sam")));
    assertEquals(List.of("end_time"), refusedFields(ListAuditEventsRequest.newBuilder().setStartTime(later)
        .setEndTime(earlier)));
    assertEquals(List.of("start_time", "end_time"), refusedFields(ListAuditEventsRequest.newBuilder()
        .setStartTime(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE))
        .setEndTime(Timestamp.newBuilder().setNanos(-1))));
    assertEquals(List.of("page_size", "page_token"), refusedFields(ListAuditEventsRequest.newBuilder()
        .setPageSize(-1).setPageToken("not-a-token")));
    assertEquals(List.of("resource"), refusedFields(ListAuditEventsRequest.newBuilder().setResource("x".repeat(1001))));
    insertAt("risks/filtered", "people/other", Instant.parse("2010-01-01T00:00:00Z"));
    insertAt("risks/filtered", "people/other", Instant.parse("2010-01-01T00:00:00Z"));
    String token = list(ListAuditEventsRequest.newBuilder().setResource("risks/filtered").setPageSize(1))
        .getNextPageToken();
    assertFalse(token.isEmpty());
    assertEquals(List.of("page_token"), refusedFields(ListAuditEventsRequest.newBuilder().setResource("risks/")
        .setPageToken(token)), "a token belongs to its filters");
  }
}
