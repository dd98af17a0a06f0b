package org.laasuite.reporting.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Micronaut Security answers some of its refusals through this handler rather than as an error of the request (its
 * CSRF filter does): here they are answered as {@link Errors} answers every other error of the gateway, a page or
 * problem+json, in place of its bare status or redirect.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class Refusals implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

  private final Errors errors;

  public Refusals(Errors errors) {
    this.errors = errors;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
    return errors.security(request, exception);
  }
}
