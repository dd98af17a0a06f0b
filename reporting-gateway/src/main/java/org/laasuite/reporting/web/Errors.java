package org.laasuite.reporting.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.errors.ErrorResponse;
import io.micronaut.security.errors.OauthErrorResponseException;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.oauth2.endpoint.authorization.response.AuthorizationErrorResponseException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.security.BearerCallers;
import org.laasuite.reporting.render.Pages;
import org.laasuite.reporting.signin.Visitors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error a client sees: problem+json (RFC 9457) under /api, a readable page elsewhere. A
 * client's mistake is a 400 naming the parameter, an unknown thing a 404 naming it, a request the
 * router refuses (a media type it does not produce, a method it does not serve) its own 4xx; a visitor who
 * must sign in a 401, one refused a 403, a sign-in that failed a 401 saying why; anything else is logged and
 * answered without internals.
 */
@Controller
public class Errors {

  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private final Pages pages;
  private final JsonMapper json;
  private final Visitors visitors;
  private final PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLogin;

  public Errors(Pages pages, JsonMapper json, Visitors visitors,
      @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLogin) {
    this.pages = pages;
    this.json = json;
    this.visitors = visitors;
    this.priorToLogin = priorToLogin;
  }

  @Error(global = true, exception = ApiException.class)
  public HttpResponse<?> api(HttpRequest<?> request, ApiException e) {
    HttpStatus status = switch (e.code()) {
      case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
      case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      // A service refused a step for the state its object is in (a return locked while it waits for approval, one
      // changed since it was read): the request was understood, and conflicts with what is there now.
      case FAILED_PRECONDITION, ABORTED, ALREADY_EXISTS -> HttpStatus.CONFLICT;
      default -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
    List<Map<String, String>> violations = e.violations().stream()
        .map(v -> Map.of("field", v.getField(), "description", v.getDescription())).toList();
    MutableHttpResponse<?> response = respond(request, status, e.reason(), e.getMessage(), violations);
    // RFC 6750: a refused token is answered with the challenge saying why.
    return status == HttpStatus.UNAUTHORIZED ? response.header(HttpHeaders.WWW_AUTHENTICATE,
        BearerCallers.challenge(e)) : response;
  }

  @Error(global = true, exception = AuthorizationException.class)
  public HttpResponse<?> refused(HttpRequest<?> request, AuthorizationException e) {
    return security(request, e);
  }

  /**
   * Micronaut Security's refusals. A security rule refuses a page meant for signed-in visitors to an anonymous one
   * (401, and the sign-in that follows returns to the page) and one not open to the visitor signed in (403); the
   * CSRF check (signin/CsrfCheck) refuses a form sent without its token, or with another session's, through the same
   * exception but without a rule's rejection (403).
   */
  MutableHttpResponse<?> security(HttpRequest<?> request, AuthorizationException e) {
    if (request.getAttribute(SecurityFilter.REJECTION).isEmpty()) {
      return respond(request, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID", "The form was sent without its security "
          + "token, or with one from another session (an old page, or one from before signing in or out). Reload the "
          + "page and send the form again.", List.of());
    }
    if (e.isForbidden()) {
      return respond(request, HttpStatus.FORBIDDEN, "PERMISSION_DENIED", "You are signed in, but this page is not "
          + "open to you.", List.of());
    }
    MutableHttpResponse<?> response = respond(request, HttpStatus.UNAUTHORIZED, "SIGN_IN_REQUIRED",
        "Sign in to see this page.", List.of()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    if (priorToLogin != null && !rawPath(request).startsWith("/api/")) {
      priorToLogin.onUnauthorized(request, response);
    }
    return response;
  }

  /** The identity provider answered a sign-in with an error (the person cancelled, or may not use this client). */
  @Error(global = true, exception = AuthorizationErrorResponseException.class)
  public HttpResponse<?> signInRefused(HttpRequest<?> request, AuthorizationErrorResponseException e) {
    return signInFailed(request, e.getAuthorizationErrorResponse(), "did not sign you in");
  }

  /** The identity provider refused to exchange the sign-in's code for tokens. */
  @Error(global = true, exception = OauthErrorResponseException.class)
  public HttpResponse<?> signInNotCompleted(HttpRequest<?> request, OauthErrorResponseException e) {
    return signInFailed(request, e, "did not complete the sign-in");
  }

  /** The provider's error code is one of OAuth 2.0's (access_denied...); its free text is not repeated. */
  private MutableHttpResponse<?> signInFailed(HttpRequest<?> request, ErrorResponse error, String what) {
    String code = error.getError() == null ? "no reason given" : Views.clip(error.getError().getErrorCode());
    return respond(request, HttpStatus.UNAUTHORIZED, "SIGN_IN_FAILED", "The identity provider " + what + " ("
        + code + "). Sign in again; if it keeps failing, ask your organisation's administrator.", List.of())
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }

  /**
   * A bare 401: Micronaut Security's answer to a sign-in whose tokens did not pass its checks (signature, issuer,
   * audience, nonce).
   */
  @Error(global = true, status = HttpStatus.UNAUTHORIZED)
  public HttpResponse<?> signInUnverified(HttpRequest<?> request) {
    return respond(request, HttpStatus.UNAUTHORIZED, "SIGN_IN_FAILED", "The sign-in could not be completed: the "
        + "identity provider's answer did not pass the gateway's checks. Sign in again.", List.of())
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
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
    if (malformedEscape(request, e)) {
      return respondUnread(request, HttpStatus.BAD_REQUEST, "MALFORMED_ADDRESS",
          "The address holds a malformed percent-escape: a % must be followed by two hexadecimal digits.");
    }
    LOG.error("{} {} failed", request.getMethodName(), request.getPath(), e);
    return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL",
        "The gateway could not build this page. The error is in its log.", List.of());
  }

  /** Addresses programs read (the JSON API, the open data, OParl): their errors are problem+json, never a page. */
  private static final Pattern MACHINE_READ = Pattern.compile("/(api|open-data|oparl)/");

  private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  /** Whether the request failed because its address has a % not followed by two hex digits. */
  private static boolean malformedEscape(HttpRequest<?> request, Exception e) {
    if (BAD_ESCAPE.matcher(rawPath(request)).find()) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if ((t instanceof IllegalArgumentException || t instanceof URISyntaxException) && t.getMessage() != null
          && t.getMessage().toLowerCase(Locale.ROOT).matches("(?s).*(escape|hex|urldecoder).*")) {
        return true;
      }
    }
    return false;
  }

  /** {@code response} with a problem+json body (RFC 9457) saying {@code detail}. */
  <T> MutableHttpResponse<T> problem(MutableHttpResponse<T> response, HttpStatus status, String reason, String detail,
      List<Map<String, String>> violations) {
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
      @SuppressWarnings("unchecked")
      MutableHttpResponse<T> withBody = (MutableHttpResponse<T>) response.body(json.writeValueAsString(problem));
      return withBody.contentType("application/problem+json");
    } catch (IOException io) {
      throw new java.io.UncheckedIOException(io);
    }
  }

  /** The path as the client wrote it; empty when even that cannot be read. */
  private static String rawPath(HttpRequest<?> request) {
    try {
      String raw = request.getUri().getRawPath();
      return raw == null ? "" : raw;
    } catch (RuntimeException e) {
      return "";
    }
  }

  /**
   * Whether a request whose address the server could not read (a malformed escape, a line too long:
   * the router then knows it only as "/") is answered as a page: when it accepts HTML, as a browser's
   * does; problem+json otherwise, as for any API client.
   */
  private static boolean acceptsHtml(HttpRequest<?> request) {
    return request.getHeaders().accept().stream().anyMatch(m -> m.matches(MediaType.TEXT_HTML_TYPE)
        && !m.getType().equals("*"));
  }

  private MutableHttpResponse<?> respond(HttpRequest<?> request, HttpStatus status, String reason, String detail,
      List<Map<String, String>> violations) {
    return respond(request, MACHINE_READ.matcher(rawPath(request)).lookingAt(), status, reason, detail, violations);
  }

  /** For a request whose address was not read: its representation follows its Accept header. */
  private MutableHttpResponse<?> respondUnread(HttpRequest<?> request, HttpStatus status, String reason,
      String detail) {
    return respond(request, !acceptsHtml(request), status, reason, detail, List.of());
  }

  private MutableHttpResponse<?> respond(HttpRequest<?> request, boolean api, HttpStatus status, String reason,
      String detail, List<Map<String, String>> violations) {
    if (api) {
      return problem(HttpResponse.status(status), status, reason, detail, violations);
    }
    String html = pages.html("error", visitors.page(request, Map.of("status", status.getCode(), "title",
        status.getReason(), "detail", detail, "violations", violations)), false);
    return HttpResponse.status(status).body(html).contentType(MediaType.TEXT_HTML + ";charset=utf-8");
  }
}
