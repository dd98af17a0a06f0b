package org.laasuite.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks bearer tokens against the issuers a partnership trusts: the token must be a JWT signed (RSA or EC, never
 * "none" or a shared secret) by a key of the issuer its {@code iss} names, for that issuer's audience, not
 * expired (a minute's clock skew allowed) and naming a subject. The signature and claims are checked by Nimbus
 * JOSE+JWT; keys come from each issuer's JWKS, cached, and fetched again when a token names a key the cache
 * does not hold, so an issuer may rotate its keys.
 */
public final class TokenVerifier {

  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
      JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
      JWSAlgorithm.ES384, JWSAlgorithm.ES512);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  private final Map<String, Checked> byIss = new LinkedHashMap<>();

  /** One issuer's processor: its keys and the claims its tokens must have. */
  private record Checked(Issuer issuer, DefaultJWTProcessor<SecurityContext> processor) {
  }

  public TokenVerifier(List<Issuer> issuers) {
    for (Issuer i : issuers) {
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys(i)));
      // Nimbus asks its sets whether they hold null, which Set.of answers with an exception.
      processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(new HashSet<>(Set.of(i.audience())),
          new JWTClaimsSet.Builder().issuer(i.issuer()).build(), new HashSet<>(Set.of("sub", "exp")), null));
      if (byIss.put(i.issuer(), new Checked(i, processor)) != null) {
        throw new IllegalArgumentException("two issuers are configured with the URL " + i.issuer());
      }
    }
  }

  /** The issuers this verifier accepts, as configured. */
  public List<Issuer> issuers() {
    return byIss.values().stream().map(Checked::issuer).toList();
  }

  /**
   * The caller {@code token} identifies; TokenRejected saying why when it identifies no one, IssuerUnavailable
   * when its issuer's keys cannot be fetched.
   */
  public Caller verify(String token) throws TokenRejected {
    if (token == null || token.isBlank()) {
      throw new TokenRejected(TokenRejected.Reason.MALFORMED, "no bearer token");
    }
    SignedJWT jwt;
    String iss;
    try {
      jwt = SignedJWT.parse(token);
      iss = jwt.getJWTClaimsSet().getIssuer();
    } catch (ParseException | ClassCastException e) {
      throw new TokenRejected(TokenRejected.Reason.MALFORMED, "the bearer token is not a signed JWT");
    }
    Checked checked = iss == null ? null : byIss.get(iss);
    if (checked == null) {
      throw new TokenRejected(TokenRejected.Reason.UNKNOWN_ISSUER, "the token's issuer ("
          + (iss == null ? "none" : iss) + ") is not one this partnership trusts");
    }
    JWTClaimsSet claims;
    try {
      claims = checked.processor().process(jwt, null);
    } catch (KeySourceException e) {
      throw new IssuerUnavailable("the keys of issuer " + checked.issuer().name() + " cannot be fetched", e);
    } catch (BadJWTException e) {
      throw claimsRejected(e.getMessage(), checked.issuer());
    } catch (BadJOSEException | JOSEException e) {
      throw new TokenRejected(TokenRejected.Reason.BAD_SIGNATURE, "the token is not signed by a key of issuer "
          + checked.issuer().name());
    }
    try {
      Boolean verified = claims.getBooleanClaim("email_verified");
      String name = claims.getStringClaim("name");
      return new Caller(checked.issuer().name(), iss, claims.getSubject(), checked.issuer().organisation(),
          claims.getStringClaim("email") == null ? "" : claims.getStringClaim("email"),
          Boolean.TRUE.equals(verified), name == null ? "" : name, claims.getExpirationTime().toInstant(), token);
    } catch (ParseException e) {
      throw new TokenRejected(TokenRejected.Reason.INVALID, "a claim of the token has the wrong type: "
          + e.getMessage());
    }
  }

  private static TokenRejected claimsRejected(String message, Issuer issuer) {
    String m = message == null ? "" : message;
    if (m.startsWith("Expired JWT")) {
      return new TokenRejected(TokenRejected.Reason.EXPIRED, "the token has expired");
    }
    if (m.startsWith("JWT before use time")) {
      return new TokenRejected(TokenRejected.Reason.NOT_YET_VALID, "the token is not valid yet");
    }
    if (m.startsWith("JWT audience rejected")) {
      return new TokenRejected(TokenRejected.Reason.WRONG_AUDIENCE, "the token is not meant for this partnership"
          + " (its audience is not " + issuer.audience() + ")");
    }
    return new TokenRejected(TokenRejected.Reason.INVALID, "the token is not valid: " + m);
  }

  /** The issuer's keys: a file read once, a JWKS URL (cached, refetched for an unknown key), or discovered. */
  private static JWKSource<SecurityContext> keys(Issuer issuer) {
    URI jwks = issuer.jwks();
    if (jwks != null && "file".equals(jwks.getScheme())) {
      try {
        return new ImmutableJWKSet<>(JWKSet.load(Path.of(jwks).toFile()));
      } catch (IOException | ParseException e) {
        throw new IllegalArgumentException("issuer " + issuer.name() + ": cannot read its keys at " + jwks, e);
      }
    }
    Supplier<URL> where = jwks != null ? () -> url(jwks) : () -> url(discoverJwks(issuer));
    return new LazyJwks(where);
  }

  private static URL url(URI uri) {
    try {
      return uri.toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(uri + " is not a URL", e);
    }
  }

  /** The jwks_uri of the issuer's discovery document. */
  private static URI discoverJwks(Issuer issuer) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(issuer.discovery()).timeout(Duration.ofSeconds(10))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IssuerUnavailable(issuer.discovery() + " answered " + r.statusCode(), null);
      }
      String uri = JSONObjectUtils.getString(JSONObjectUtils.parse(r.body()), "jwks_uri");
      if (uri == null) {
        throw new IssuerUnavailable(issuer.discovery() + " names no jwks_uri", null);
      }
      return URI.create(uri);
    } catch (IOException | ParseException e) {
      throw new IssuerUnavailable("the discovery document of issuer " + issuer.name() + " cannot be read", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IssuerUnavailable("interrupted", e);
    }
  }

  /**
   * A JWKS source made when first asked (the issuer may start after the service, or be discovered), then
   * Nimbus's own: cached, refreshed on an unknown key id (rate limited), retried once on a network error.
   */
  private static final class LazyJwks implements JWKSource<SecurityContext> {
    private final Supplier<URL> where;
    private volatile JWKSource<SecurityContext> source;

    LazyJwks(Supplier<URL> where) {
      this.where = where;
    }

    @Override
    public List<com.nimbusds.jose.jwk.JWK> get(com.nimbusds.jose.jwk.JWKSelector selector, SecurityContext context)
        throws KeySourceException {
      JWKSource<SecurityContext> s = source;
      if (s == null) {
        synchronized (this) {
          if (source == null) {
            try {
              source = JWKSourceBuilder.create(where.get()).retrying(true).build();
            } catch (IssuerUnavailable e) {
              throw new KeySourceException(e.getMessage(), e);
            }
          }
          s = source;
        }
      }
      return s.get(selector, context);
    }
  }
}
