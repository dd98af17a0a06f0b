package org.laasuite.auth;

/** A token that does not identify anyone, with why, in words a caller can act on. */
public final class TokenRejected extends Exception {

  /** Why a token was refused. */
  public enum Reason {
    /** No token, or not a signed JWT. */
    MALFORMED,
    /** Signed by an issuer the partnership has not configured. */
    UNKNOWN_ISSUER,
    EXPIRED,
    NOT_YET_VALID,
    /** Meant for another audience. */
    WRONG_AUDIENCE,
    /** Not signed by a key of its issuer (or signed with an algorithm not accepted). */
    BAD_SIGNATURE,
    /** Missing a claim every token needs, or one that is wrong. */
    INVALID
  }

  private final Reason reason;

  public TokenRejected(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
