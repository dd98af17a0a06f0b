package org.laasuite.reporting.signin;

import io.grpc.Status;
import io.micronaut.security.authentication.Authentication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laasuite.common.grpc.ApiException;
import org.laasuite.common.security.BearerCallers;

/**
 * Who a browser session belongs to, as its sign-in established it: the subject and issuer ({@code iss}) of the
 * person's identity, the name configuration gives that issuer and the organisation it vouches for
 * ({@code laa.security.issuers.NAME}), the name and e-mail the issuer states, and a token of that issuer for the
 * person (the identity provider's access token; in local mode one the local issuer signed). The token is kept so
 * that calls made on the person's behalf can carry it to the services, which verify it themselves: a service never
 * takes the gateway's word for who someone is.
 *
 * <p>It travels in the session cookie, a JWT the gateway signs, as claims of its own names beside the registered
 * ones Micronaut sets there ({@code iss} is then the gateway, {@code sub} this subject).
 */
public record SignedIn(String subject, String issuer, String issuerName, String organisation, String name,
    String email, String token) {

  static final String ISSUER = "laa_issuer";
  static final String ISSUER_NAME = "laa_issuer_name";
  static final String ORGANISATION = "laa_organisation";
  static final String NAME = "name";
  static final String EMAIL = "email";
  static final String TOKEN = "laa_token";

  public SignedIn {
    organisation = organisation == null ? "" : organisation;
    name = name == null || name.isBlank() ? subject : name;
    email = email == null ? "" : email;
  }

  /** The session's Authentication, what Micronaut's login handler turns into the cookie. */
  public Authentication authentication() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put(ISSUER, issuer);
    claims.put(ISSUER_NAME, issuerName);
    claims.put(ORGANISATION, organisation);
    claims.put(NAME, name);
    claims.put(EMAIL, email);
    claims.put(TOKEN, token);
    return Authentication.build(subject, List.of(), claims);
  }

  /** Who {@code authentication} (a session the gateway made) is; empty for none, or for one it did not make. */
  public static Optional<SignedIn> of(Authentication authentication) {
    if (authentication == null) {
      return Optional.empty();
    }
    Map<String, Object> a = authentication.getAttributes();
    if (!(a.get(ISSUER) instanceof String issuer) || !(a.get(TOKEN) instanceof String token)) {
      return Optional.empty();
    }
    return Optional.of(new SignedIn(authentication.getName(), issuer, text(a.get(ISSUER_NAME)),
        text(a.get(ORGANISATION)), text(a.get(NAME)), text(a.get(EMAIL)), token));
  }

  /**
   * Who {@code authentication} is, on a page only signed-in visitors reach; refused (401) for a session the gateway
   * did not make, which then cannot act for anyone.
   */
  public static SignedIn required(Authentication authentication) {
    return of(authentication).orElseThrow(() -> new ApiException(Status.Code.UNAUTHENTICATED,
        BearerCallers.TOKEN_MISSING, "Sign in again: this session carries no sign-in the gateway can act on.",
        List.of()));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
