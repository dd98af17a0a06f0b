package org.laasuite.common.grpc;

import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.micronaut.core.annotation.Nullable;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.UUID;
import java.util.regex.Pattern;
import org.laasuite.partnership.v1.CallerRights;

/**
 * The gRPC call being served, as far as the suite keeps track of it (the authentication interceptor puts one in
 * every call's Context): its method, its id, the address it came from, and what serving it learns on the way,
 * the request_id it carries (RequestLog) and the caller's rights (Authorizer). What the audit trail records of
 * a write besides the write itself.
 */
public final class ServedCall {

  /** The metadata a client may name its call with; the service answers it back in the response headers. */
  public static final Metadata.Key<String> CALL_ID =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
  private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]{1,128}");
  private static final Context.Key<ServedCall> KEY = Context.key("laa-served-call");

  private final String method;
  private final String callId;
  private final String clientAddress;
  private volatile String requestId = "";
  private volatile CallerRights rights;

  ServedCall(String method, String callId, String clientAddress) {
    this.method = method;
    this.callId = callId;
    this.clientAddress = clientAddress;
  }

  /**
   * The call {@code call} with {@code headers}: its id is the client's x-request-id when that is printable ASCII of
   * at most 128 characters, else a new one.
   */
  public static ServedCall of(ServerCall<?, ?> call, Metadata headers) {
    String sent = headers.get(CALL_ID);
    return new ServedCall(call.getMethodDescriptor().getFullMethodName(),
        sent != null && PRINTABLE.matcher(sent).matches() ? sent : UUID.randomUUID().toString(),
        address(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)));
  }

  static String address(@Nullable SocketAddress remote) {
    if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return remote == null ? "" : remote.toString();
  }

  /** {@code context} with this call in it. */
  public Context in(Context context) {
    return context.withValue(KEY, this);
  }

  /** The call being served, or null outside one (a scheduled task, a migration, a test calling a service). */
  public static @Nullable ServedCall current() {
    return KEY.get();
  }

  /** "laa.funding.v1.FundingService/CreateFundingStream". */
  public String method() {
    return method;
  }

  public String callId() {
    return callId;
  }

  /** The client's IP address ("127.0.0.1"), or "" when the transport does not say. */
  public String clientAddress() {
    return clientAddress;
  }

  /** The AIP-155 request_id the request carries; "" when it has none. */
  public String requestId() {
    return requestId;
  }

  public void requestId(String id) {
    this.requestId = id == null ? "" : id;
  }

  /** The caller's rights as the check of a write found them; null when none was looked up (an admin's). */
  public @Nullable CallerRights rights() {
    return rights;
  }

  public void rights(CallerRights found) {
    this.rights = found;
  }
}
