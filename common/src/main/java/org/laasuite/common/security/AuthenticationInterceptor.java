package org.laasuite.common.security;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.util.Set;
import org.laasuite.auth.BearerToken;
import org.laasuite.auth.Caller;
import org.laasuite.auth.TokenVerifier;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.grpc.GrpcErrorInterceptor;
import org.laasuite.common.grpc.ServedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call names its caller with a bearer token ({@code authorization: Bearer …}) that one of the configured
 * issuers signed; the verified caller is in {@link Callers#current()} for the call. A call without one, or with
 * one that identifies no one, is refused UNAUTHENTICATED saying why (no token, expired, unknown issuer, bad
 * signature…, reason TOKEN_… in its ErrorInfo, and a {@code www-authenticate} trailer as RFC 6750 words it);
 * an issuer whose keys cannot be fetched makes it UNAVAILABLE. Health and reflection stay open, for probes
 * and tools. A service whose calls only read what is public ({@code laa.security.allow-anonymous}) serves a
 * call without a token with no caller, but still refuses a bad one. Each call served is also a {@link ServedCall}
 * in its Context (method, call id, client address: what the audit trail records of a write), and answers its call
 * id in the {@code x-request-id} response header.
 */
@Singleton
public class AuthenticationInterceptor implements ServerInterceptor, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(AuthenticationInterceptor.class);
  private static final Set<String> OPEN = Set.of("grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
      "grpc.reflection.v1alpha.ServerReflection");
  static final Metadata.Key<String> WWW_AUTHENTICATE =
      Metadata.Key.of("www-authenticate", Metadata.ASCII_STRING_MARSHALLER);

  private final TokenVerifier verifier;
  private final GrpcErrorInterceptor errors;
  private final boolean allowAnonymous;

  public AuthenticationInterceptor(TokenVerifier verifier, GrpcErrorInterceptor errors,
      @Value("${laa.security.allow-anonymous:false}") boolean allowAnonymous) {
    this.verifier = verifier;
    this.errors = errors;
    this.allowAnonymous = allowAnonymous;
  }

  /** Inside the metrics interceptor (which counts the refusals), before anything reads the request. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    if (OPEN.contains(call.getMethodDescriptor().getServiceName())) {
      return next.startCall(call, headers);
    }
    ServedCall served = ServedCall.of(call, headers);
    ServerCall<Q, R> answering = new SimpleForwardingServerCall<>(call) {
      @Override
      public void sendHeaders(Metadata responseHeaders) {
        responseHeaders.put(ServedCall.CALL_ID, served.callId());
        super.sendHeaders(responseHeaders);
      }
    };
    Context context = served.in(Context.current());
    String header = headers.get(BearerToken.AUTHORIZATION);
    if (header == null && allowAnonymous) {
      return Contexts.interceptCall(context, answering, headers, next);
    }
    Caller caller;
    try {
      caller = BearerCallers.identify(verifier, header);
    } catch (ApiException e) {
      if (e.code() == Status.Code.UNAVAILABLE) {
        LOG.warn("{}; calls with its tokens answer UNAVAILABLE", e.getMessage());
        return refuse(call, e, null);
      }
      LOG.debug("{} refused: {}", call.getMethodDescriptor().getFullMethodName(), e.getMessage());
      return refuse(call, e, BearerCallers.challenge(e));
    }
    return Contexts.interceptCall(context.withValue(Callers.KEY, caller), answering, headers, next);
  }

  private <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, ApiException e, String challenge) {
    var sre = StatusProto.toStatusRuntimeException(errors.toStatus(e));
    Metadata trailers = sre.getTrailers() == null ? new Metadata() : sre.getTrailers();
    if (challenge != null) {
      trailers.put(WWW_AUTHENTICATE, challenge);
    }
    call.close(sre.getStatus(), trailers);
    return new ServerCall.Listener<>() { };
  }
}
