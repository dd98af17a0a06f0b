package org.laasuite.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.laasuite.type.v1.AuditEvent;
import org.laasuite.type.v1.ListAuditEventsRequest;
import org.laasuite.type.v1.ListAuditEventsResponse;

/**
 * A service's audit trail as its tests read it (through the stub's {@code listAuditEvents}), and what the tests
 * of each service's trail check alike: calls that name themselves ({@code x-request-id}) and capture what the
 * service answered, events that name the tests' caller, its ids and the loopback address, the time range, the
 * refusal of bad filters, and that not even the service's own database role changes or deletes an event.
 */
public final class AuditTrail {

  public static final Metadata.Key<String> X_REQUEST_ID =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

  private final Function<ListAuditEventsRequest, ListAuditEventsResponse> list;

  /** The trail {@code list} reads: {@code r -> stub.listAuditEvents(r)}, as an admin. */
  public AuditTrail(Function<ListAuditEventsRequest, ListAuditEventsResponse> list) {
    this.list = list;
  }

  public List<AuditEvent> events(ListAuditEventsRequest.Builder filter) {
    return list.apply(filter.build()).getEventsList();
  }

  /** The events of {@code resource} (a name, or a prefix ending in "/"), newest first. */
  public List<AuditEvent> events(String resource) {
    return events(ListAuditEventsRequest.newBuilder().setResource(resource));
  }

  public static List<String> resources(List<AuditEvent> events) {
    return events.stream().map(AuditEvent::getResource).toList();
  }

  public static List<String> actions(List<AuditEvent> events) {
    return events.stream().map(AuditEvent::getAction).toList();
  }

  /**
   * {@code stub} sending {@code callId} as x-request-id (none when null); each call's response headers land in
   * {@code answered}.
   */
  public static <S extends AbstractStub<S>> S naming(S stub, String callId, AtomicReference<Metadata> answered) {
    Metadata sent = new Metadata();
    if (callId != null) {
      sent.put(X_REQUEST_ID, callId);
    }
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(sent),
        MetadataUtils.newCaptureMetadataInterceptor(answered, new AtomicReference<>()));
  }

  /**
   * That {@code e} is the {@code action} of {@code method} on {@code resource}, by {@code subject} of the tests'
   * issuer, from 127.0.0.1, with this request_id and call id.
   */
  public static void assertEvent(AuditEvent e, String method, String action, String resource, String subject,
      String requestId, String callId) {
    assertEquals(List.of(method, action, resource, TestIssuer.ISSUER, subject, requestId, callId, "127.0.0.1"),
        List.of(e.getMethod(), e.getAction(), e.getResource(), e.getIssuer(), e.getSubject(), e.getRequestId(),
            e.getCallId(), e.getClientAddress()), e::toString);
  }

  /** A string field of the resource as an event keeps it ({@code before} or {@code after}). */
  public static String field(Struct resource, String name) {
    return resource.getFieldsOrThrow(name).getStringValue();
  }

  /**
   * That a time range holds its start and not its end: {@code e} (of a person) is found from its create_time to a
   * microsecond later and not before it; {@code writtenAfter}, a resource written after it, only from then on.
   */
  public void assertTimeRangeAround(AuditEvent e, String writtenAfter) {
    Timestamp at = e.getCreateTime();
    Instant later = Instant.ofEpochSecond(at.getSeconds(), at.getNanos()).plusNanos(1_000);
    Timestamp justAfter = Timestamp.newBuilder().setSeconds(later.getEpochSecond()).setNanos(later.getNano()).build();
    var persons = ListAuditEventsRequest.newBuilder().setPerson(e.getPerson());
    assertEquals(List.of(e), events(persons.clone().setStartTime(at).setEndTime(justAfter)));
    assertEquals(List.of(), events(persons.clone().setEndTime(at)));
    var after = ListAuditEventsRequest.newBuilder().setResource(writtenAfter);
    assertEquals(1, events(after.clone().setStartTime(at)).size());
    assertEquals(List.of(), events(after.clone().setEndTime(at)));
  }

  /** That each bad filter is INVALID_ARGUMENT naming its field. */
  public void assertBadFiltersAreRefused() {
    Timestamp later = Timestamp.newBuilder().setSeconds(1_300_000_000L).build();
    Timestamp earlier = Timestamp.newBuilder().setSeconds(1_200_000_000L).build();
    refused(ListAuditEventsRequest.newBuilder().setPerson("sam"), "person");
    refused(ListAuditEventsRequest.newBuilder().setStartTime(later).setEndTime(earlier), "end_time");
    refused(ListAuditEventsRequest.newBuilder().setStartTime(Timestamp.newBuilder().setSeconds(Long.MIN_VALUE))
        .setEndTime(Timestamp.newBuilder().setNanos(1_000_000_000)), "start_time", "end_time");
    refused(ListAuditEventsRequest.newBuilder().setPageToken("forged").setPageSize(-1), "page_token", "page_size");
  }

  private void refused(ListAuditEventsRequest.Builder filter, String... fields) {
    GrpcErrors.expectInvalid(() -> list.apply(filter.build()), fields);
  }

  /**
   * That {@code db}'s user, the service's own database role, can neither change nor delete an event (of
   * {@code resource}, which has some), nor empty the table: the events stay as they were.
   */
  public void assertAppendOnly(TestDatabase db, String resource) {
    List<AuditEvent> kept = events(resource);
    assertEquals(false, kept.isEmpty(), resource + " has events");
    String only = " WHERE resource = '" + resource.replace("'", "''") + "'";
    for (String change : List.of("UPDATE audit_event SET subject = 'someone-else'" + only,
        "UPDATE audit_event SET after = NULL", "DELETE FROM audit_event" + only, "TRUNCATE audit_event")) {
      assertThrows(SQLException.class, () -> db.execute(change), change);
    }
    assertEquals(kept, events(resource));
  }
}
