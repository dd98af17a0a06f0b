package org.laasuite.reporting.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.NotAcceptableException;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.reporting.render.Pages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error a client sees: problem+json (RFC 9457) under /api, a readable page elsewhere. A
 * client's mistake is a 400 naming the parameter, an unknown thing a 404 naming it, a request the
 * router refuses (a media type it does not produce, a method it does not serve) its own 4xx; anything
 * else is logged and answered without internals.
 */
@Controller
public class Errors {

  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private final Pages pages;
  private final JsonMapper json;

  public Errors(Pages pages, JsonMapper json) {
    this.pages = pages;
    this.json = json;
  }

  @Error(global = true, exception = ApiException.class)
  public HttpResponse<?> api(HttpRequest<?> request, ApiException e) {
    HttpStatus status = switch (e.code()) {
      case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      default -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
    List<Map<String, String>> violations = e.violations().stream()
        .map(v -> Map.of("field", v.getField(), "description", v.getDescription())).toList();
    return respond(request, status, e.reason(), e.getMessage(), violations);
  }

  @Error(global = true, status = HttpStatus.NOT_FOUND)
  public HttpResponse<?> noRoute(HttpRequest<?> request) {
    return respond(request, HttpStatus.NOT_FOUND, "NOT_FOUND", "There is no page at this address.", List.of());
  }

  @Error(global = true, exception = HttpStatusException.class)
  public HttpResponse<?> refused(HttpRequest<?> request, HttpStatusException e) {
    HttpStatus status = e.getStatus();
    if (status.getCode() >= 500) {
      return unexpected(request, e);
    }
    if (status == HttpStatus.NOT_FOUND) {
      return noRoute(request);
    }
    // What the request sent (its Accept header, say) is not echoed: only what this address offers.
    String detail = switch (e) {
      case NotAcceptableException n -> "This address answers only "
          + String.join(", ", n.getProduceableContentTypes()) + ", which the request's Accept header does not allow.";
      case NotAllowedException n -> "This address answers only " + String.join(", ", n.getAllowedMethods())
          + " requests.";
      default -> "The request cannot be answered here: " + status.getReason() + ".";
    };
    MutableHttpResponse<?> response = respond(request, status, status.name(), detail, List.of());
    return e instanceof NotAllowedException n ? response.header("Allow", String.join(", ", n.getAllowedMethods()))
        : response;
  }

  @Error(global = true, exception = Exception.class)
  public HttpResponse<?> unexpected(HttpRequest<?> request, Exception e) {
    LOG.error("{} {} failed", request.getMethodName(), request.getPath(), e);
    return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL",
        "The gateway could not build this page. The error is in its log.", List.of());
  }

  private MutableHttpResponse<?> respond(HttpRequest<?> request, HttpStatus status, String reason, String detail,
      List<Map<String, String>> violations) {
    if (request.getPath().startsWith("/api/")) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "about:blank");
      problem.put("title", status.getReason());
      problem.put("status", status.getCode());
      problem.put("detail", detail);
      problem.put("reason", reason);
      if (!violations.isEmpty()) {
        problem.put("violations", violations);
      }
      try {
        return HttpResponse.status(status).body(json.writeValueAsString(problem))
            .contentType("application/problem+json");
      } catch (IOException io) {
        throw new java.io.UncheckedIOException(io);
      }
    }
    String html = pages.html("error", Map.of("status", status.getCode(), "title", status.getReason(),
        "detail", detail, "violations", violations), false);
    return HttpResponse.status(status).body(html).contentType(MediaType.TEXT_HTML + ";charset=utf-8");
  }
}
