package org.laasuite.auth;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A bearer token as the credentials of a gRPC call ({@code authorization: Bearer …}), asked of its supplier
 * for each call, so that a token that is renewed is sent renewed.
 */
public final class BearerToken extends CallCredentials {

  public static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final Supplier<String> token;

  public BearerToken(Supplier<String> token) {
    this.token = token;
  }

  public static BearerToken of(String token) {
    return new BearerToken(() -> token);
  }

  @Override
  public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
    try {
      Metadata headers = new Metadata();
      headers.put(AUTHORIZATION, "Bearer " + token.get());
      applier.apply(headers);
    } catch (RuntimeException e) {
      applier.fail(Status.UNAUTHENTICATED.withDescription("no token to call with: " + e.getMessage()).withCause(e));
    }
  }

  /** An interceptor giving every call of a channel these credentials (a channel built for one caller). */
  public ClientInterceptor onEveryCall() {
    BearerToken credentials = this;
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return next.newCall(method, options.withCallCredentials(credentials));
      }
    };
  }

  /** The token of an {@code authorization} header's value, or null when it is not a bearer token. */
  public static String fromHeader(String value) {
    if (value == null || value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return value.substring(7).strip();
  }
}
