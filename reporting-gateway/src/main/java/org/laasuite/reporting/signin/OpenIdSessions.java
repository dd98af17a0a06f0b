package org.laasuite.reporting.signin;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Stream;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session of someone an identity provider has just signed in, once Micronaut Security has checked its ID token
 * (signature from the provider's keys, issuer, audience, expiry, nonce): who the ID token says they are, and the
 * access token that came with it, kept for the services (the provider's audience mapper names the suite in it).
 * Micronaut's own mapper would copy every claim of the ID token into the session cookie; this keeps what the suite
 * shows and needs.
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
class OpenIdSessions implements OpenIdAuthenticationMapper {

  private static final Logger LOG = LoggerFactory.getLogger(OpenIdSessions.class);
  private final SignIns signIns;

  OpenIdSessions(SignIns signIns) {
    this.signIns = signIns;
  }

  @Override
  public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName,
      OpenIdTokenResponse tokenResponse, OpenIdClaims claims, @Nullable State state) {
    String name = Stream.of(claims.getName(), String.join(" ", Stream.of(claims.getGivenName(), claims.getFamilyName())
        .filter(s -> s != null && !s.isBlank()).toList()), claims.getPreferredUsername())
        .filter(s -> s != null && !s.isBlank()).findFirst().orElse(claims.getSubject());
    SignedIn session = signIns.session(claims.getSubject(), claims.getIssuer(), name, claims.getEmail(),
        tokenResponse.getAccessToken());
    LOG.info("signed in with {}: {}", providerName, session.subject());
    return Publishers.just(AuthenticationResponse.success(session.subject(), List.of(),
        session.authentication().getAttributes()));
  }
}
