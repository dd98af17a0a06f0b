package org.laasuite.auth;

import java.time.Instant;

/**
 * Who is calling, as a token an issuer signed says: the issuer ({@code iss} and the name configuration gives
 * it), the subject (a person, or a machine signed in with client credentials), what the issuer vouches for
 * (its organisation) and what the token says of them. {@code token} is the token itself, passed on when the
 * call leads to calls of other services, which verify it themselves.
 */
public record Caller(String issuerName, String issuer, String subject, String organisation, String email,
    boolean emailVerified, String displayName, Instant expires, String token) {

  /** "subject at issuer", for logs and messages. */
  @Override
  public String toString() {
    return subject + " (" + issuerName + ")";
  }
}
