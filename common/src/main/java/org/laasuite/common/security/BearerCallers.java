package org.laasuite.common.security;

import io.grpc.Status;
import java.util.List;
import org.laasuite.auth.BearerToken;
import org.laasuite.auth.Caller;
import org.laasuite.auth.IssuerUnavailable;
import org.laasuite.auth.TokenRejected;
import org.laasuite.auth.TokenVerifier;
import org.laasuite.common.grpc.ApiException;

/**
 * The caller an {@code authorization} header names, as every server of the suite reads it (the services' gRPC
 * interceptor, the gateway's JSON API), and the refusal when it names no one: UNAUTHENTICATED with reason
 * TOKEN_MISSING or TOKEN_… saying why, answered with the RFC 6750 challenge {@link #challenge}; UNAVAILABLE
 * (ISSUER_UNAVAILABLE) when the issuer's keys cannot be fetched.
 */
public final class BearerCallers {

  public static final String TOKEN_MISSING = "TOKEN_MISSING";

  private BearerCallers() {
  }

  /** The verified caller of {@code header} (null when there is none: TOKEN_MISSING). */
  public static Caller identify(TokenVerifier verifier, String header) {
    if (header == null) {
      throw new ApiException(Status.Code.UNAUTHENTICATED, TOKEN_MISSING,
          "no bearer token: sign in, and send the token as 'authorization: Bearer …'", List.of());
    }
    try {
      String token = BearerToken.fromHeader(header);
      if (token == null) {
        throw new TokenRejected(TokenRejected.Reason.MALFORMED, "the authorization header is not 'Bearer …'");
      }
      return verifier.verify(token);
    } catch (TokenRejected e) {
      throw new ApiException(Status.Code.UNAUTHENTICATED, "TOKEN_" + e.reason().name(), e.getMessage(), List.of());
    } catch (IssuerUnavailable e) {
      throw new ApiException(Status.Code.UNAVAILABLE, "ISSUER_UNAVAILABLE",
          "the token cannot be checked now (its issuer's keys cannot be fetched); retry later", List.of());
    }
  }

  /**
   * The {@code WWW-Authenticate} challenge answering an UNAUTHENTICATED refusal: plain "Bearer" when no token was
   * sent, with {@code error="invalid_token"} and the reason when one was.
   */
  public static String challenge(ApiException refusal) {
    return TOKEN_MISSING.equals(refusal.reason()) ? "Bearer"
        : "Bearer error=\"invalid_token\", error_description=\"" + refusal.getMessage().replace('"', '\'') + "\"";
  }
}
