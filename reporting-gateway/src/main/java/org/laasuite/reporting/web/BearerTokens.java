package org.laasuite.reporting.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.laasuite.auth.TokenVerifier;
import org.laasuite.common.security.BearerCallers;
import org.laasuite.common.security.Callers;

/**
 * The JSON API (and the open data, /open-data and /oparl) checks a bearer token as the services do ({@link BearerCallers}): a request that sends one is
 * refused 401 with a {@code WWW-Authenticate} challenge saying why when it identifies no one, and otherwise
 * carries its caller ({@link Callers#HTTP_ATTRIBUTE}), on whose behalf the gateway then reads. A request without
 * one reads what is public, as the pages do.
 */
@ServerFilter({"/api/**", "/open-data/**", "/oparl/**"})
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
    request.setAttribute(Callers.HTTP_ATTRIBUTE, BearerCallers.identify(verifier, header));
  }
}
