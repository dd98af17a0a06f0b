package org.laasuite.reporting.signin;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.repository.CsrfLoginCookieProvider;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import java.util.Optional;

/**
 * The CSRF token a page's forms carry (field {@code csrfToken}). Micronaut Security's CSRF filter lets a form
 * through only when its token equals the {@code laa-csrf} cookie and is one this gateway made for the session the
 * request belongs to (an HMAC, keyed by the session secret, of the session's id and a random value). A page uses the
 * cookie's token when it is such a token, and otherwise makes a new one, which goes out as the cookie with the
 * page: so the first page after a sign-in (a new session) replaces the token made before it. A page that carries a
 * token (every page a signed-in visitor reads, with its sign-out form and their name) is theirs alone: no cache
 * keeps it ({@code Cache-Control: private, no-store}), while the public pages read anonymously stay cacheable.
 */
@ServerFilter("/**")
public class CsrfTokens {

  private static final String ISSUED = "laa.csrf.issued";
  private static final String CARRIED = "laa.csrf.carried";

  private final CsrfConfiguration configuration;
  private final CsrfTokenValidator<HttpRequest<?>> validator;
  private final CsrfLoginCookieProvider cookies;

  CsrfTokens(CsrfConfiguration configuration, CsrfTokenValidator<HttpRequest<?>> validator,
      CsrfLoginCookieProvider cookies) {
    this.configuration = configuration;
    this.validator = validator;
    this.cookies = cookies;
  }

  /** The token for the forms of the page answering {@code request}. */
  public String forPage(HttpRequest<?> request) {
    request.setAttribute(CARRIED, true);
    Optional<Cookie> issued = request.getAttribute(ISSUED, Cookie.class);
    if (issued.isPresent()) {
      return issued.get().getValue();
    }
    Optional<String> current = request.getCookies().findCookie(configuration.getCookieName()).map(Cookie::getValue);
    if (current.isPresent() && validator.validateCsrfToken(request, current.get())) {
      return current.get();
    }
    Cookie cookie = cookies.provideCookie(request);
    request.setAttribute(ISSUED, cookie);
    return cookie.getValue();
  }

  /** A token made for a page goes out as the cookie the filter will compare the form's with. */
  @ResponseFilter
  public void sendIssued(HttpRequest<?> request, MutableHttpResponse<?> response) {
    request.getAttribute(ISSUED, Cookie.class).ifPresent(response::cookie);
    if (request.getAttribute(CARRIED).isPresent()) {
      response.header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
  }
}
