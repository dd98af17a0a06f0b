package org.laasuite.reporting.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The errors Micronaut answers itself, before any route or Errors handler sees the request (an
 * address over 4 KiB is a 413 of a request it knows only as "/bad-request"): problem+json as every
 * other error of the gateway, in place of its own JSON, never echoing what was sent.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponses implements ErrorResponseProcessor<Object> {

  private final Errors errors;

  public ProblemErrorResponses(Errors errors) {
    this.errors = errors;
  }

  @Override
  @SuppressWarnings("unchecked")
  public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
    HttpStatus status = response.getStatus();
    String detail = status == HttpStatus.REQUEST_ENTITY_TOO_LARGE
        ? "The request is larger than the gateway reads: an address is at most 4 KiB."
        : "The request cannot be answered here: " + status.getReason() + ".";
    return errors.problem((MutableHttpResponse<Object>) response, status, status.name(), detail, List.of());
  }
}
