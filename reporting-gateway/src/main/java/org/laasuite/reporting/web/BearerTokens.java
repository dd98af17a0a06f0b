package org.laasuite.reporting.web;

import io.grpc.Status;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;
import org.laasuite.auth.BearerToken;
import org.laasuite.auth.Caller;
import org.laasuite.auth.IssuerUnavailable;
import org.laasuite.auth.TokenRejected;
import org.laasuite.auth.TokenVerifier;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.security.Callers;

/**
 * The JSON API checks a bearer token as the services do: a request that sends one ({@code Authorization:
 * Bearer …}) is refused 401 with a {@code WWW-Authenticate} challenge saying why when it identifies no one,
 * and otherwise carries its caller ({@link Callers#HTTP_ATTRIBUTE}), on whose behalf the gateway then reads. A request without one reads what is
 * public, as the pages do.
 */
@ServerFilter("/api/**")
public class BearerTokens {

  private final TokenVerifier verifier;

  public BearerTokens(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  @RequestFilter
  public void verify(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return;
    }
    try {
      String token = BearerToken.fromHeader(header);
      if (token == null) {
        throw new TokenRejected(TokenRejected.Reason.MALFORMED, "the Authorization header is not 'Bearer …'");
      }
      Caller caller = verifier.verify(token);
      request.setAttribute(Callers.HTTP_ATTRIBUTE, caller);
    } catch (TokenRejected e) {
      throw new ApiException(Status.Code.UNAUTHENTICATED, "TOKEN_" + e.reason().name(), e.getMessage(), List.of());
    } catch (IssuerUnavailable e) {
      throw new ApiException(Status.Code.UNAVAILABLE, "ISSUER_UNAVAILABLE",
          "the token cannot be checked now (its issuer's keys cannot be fetched); retry later", List.of());
    }
  }
}
