package org.laasuite.auth;

/**
 * An issuer's keys could not be fetched (its JWKS or discovery document does not answer): an outage, not the
 * caller's mistake, so a call is answered UNAVAILABLE and may be retried.
 */
public final class IssuerUnavailable extends RuntimeException {

  public IssuerUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
