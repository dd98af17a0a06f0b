package org.laasuite.reporting.signin;

import io.micronaut.security.token.claims.JtiGenerator;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Every session cookie gets an id of its own (its {@code jti}), which is what a form's CSRF token is bound to
 * (Micronaut Security's CSRF tokens are an HMAC of the session's id): a token taken from one session's page does
 * not pass with another's cookie. Without it every session's id would be the same, empty one.
 */
@Singleton
class SessionIds implements JtiGenerator {

  @Override
  public String generateJtiClaim() {
    return UUID.randomUUID().toString();
  }
}
