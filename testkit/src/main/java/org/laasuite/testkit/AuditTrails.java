package org.laasuite.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.laasuite.type.v1.AuditEvent;

/**
 * What the tests of each service's audit trail share: calls that name themselves (the {@code x-request-id} a
 * client may send) and capture what the service answered in the response headers, and the check that an event
 * names the tests' caller, its ids and the loopback address it called from.
 */
public final class AuditTrails {

  public static final Metadata.Key<String> X_REQUEST_ID =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

  private AuditTrails() {
  }

  /** {@code stub} sending {@code callId} as x-request-id (none when null); each call's response headers land in {@code answered}. */
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
  public static String field(com.google.protobuf.Struct resource, String name) {
    return resource.getFieldsOrThrow(name).getStringValue();
  }
}
