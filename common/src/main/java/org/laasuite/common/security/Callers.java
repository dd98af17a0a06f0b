package org.laasuite.common.security;

import io.grpc.CallCredentials;
import io.grpc.Context;
import org.laasuite.auth.BearerToken;
import org.laasuite.auth.Caller;

/**
 * The caller of the gRPC call being served, as its verified token says ({@link AuthenticationInterceptor} puts
 * it in the call's Context): what a write checks its rights against, and what a call the service makes on the
 * caller's behalf passes on.
 */
public final class Callers {

  static final Context.Key<Caller> KEY = Context.key("laa-caller");
  /** The request attribute an HTTP server puts the verified caller in (the gateway's JSON API). */
  public static final String HTTP_ATTRIBUTE = "laa.caller";

  private Callers() {
  }

  /** The caller, or null when the call carries none (a service that allows anonymous reads). */
  public static Caller current() {
    return KEY.get();
  }

  /**
   * The caller's own token, for a call made on their behalf to another service, which verifies it itself (a
   * service never trusts an identity it cannot verify).
   */
  public static CallCredentials onBehalf() {
    Caller caller = current();
    if (caller == null) {
      throw new IllegalStateException("no caller to call on behalf of");
    }
    return BearerToken.of(caller.token());
  }
}
