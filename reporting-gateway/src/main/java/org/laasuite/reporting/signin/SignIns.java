package org.laasuite.reporting.signin;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.oauth2.configuration.OauthClientConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.laasuite.auth.Issuer;
import org.laasuite.auth.TokenVerifier;

/**
 * The identity providers browsers sign in with, and the sessions their sign-ins make. A provider is a client of
 * Micronaut Security's ({@code micronaut.security.oauth2.clients.NAME}: client id and secret, {@code
 * openid.issuer}); its issuer must also be one the partnership trusts ({@code laa.security.issuers.*}, as the
 * services are told), which says what organisation it vouches for, and so that the token a session keeps is one
 * the services accept. A client whose issuer is not trusted stops the gateway at start, saying which to configure,
 * rather than sign people in whose tokens every service would refuse; so does a session secret too short to sign
 * with (HS256 wants 256 bits), which would otherwise fail only at the first sign-in.
 */
@Context
public class SignIns {

  /** A provider as the sign-in page lists it: its name ({@code /oauth/login/NAME}) and issuer. */
  public record Provider(String name, String issuer) {
  }

  private final TokenVerifier verifier;
  private final List<Provider> providers = new ArrayList<>();

  public SignIns(List<OauthClientConfiguration> clients, TokenVerifier verifier,
      @Value("${laa.security.session.secret}") String sessionSecret) {
    if (sessionSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new ConfigurationException("the session secret (LAA_SECURITY_SESSION_SECRET) must be at least 32 "
          + "characters; it has " + sessionSecret.length());
    }
    this.verifier = verifier;
    for (OauthClientConfiguration client : clients) {
      if (!client.isEnabled()) {
        continue;
      }
      String name = client.getName();
      String issuer = client.getOpenid().flatMap(o -> o.getIssuer()).map(Object::toString).map(SignIns::bare)
          .orElseThrow(() -> new ConfigurationException("sign-in client " + name + " names no OpenID Connect issuer: "
              + "set micronaut.security.oauth2.clients." + name + ".openid.issuer"));
      if (trusted(issuer).isEmpty()) {
        throw new ConfigurationException("sign-in client " + name + ": its issuer " + issuer + " is not one the "
            + "partnership trusts; configure it as laa.security.issuers." + name + ".issuer (LAA_SECURITY_ISSUERS_"
            + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_ISSUER), with the organisation it vouches for");
      }
      providers.add(new Provider(name, issuer));
    }
  }

  public List<Provider> providers() {
    return List.copyOf(providers);
  }

  /**
   * The session of {@code subject}, whom the trusted issuer {@code iss} has just vouched for, stating {@code name}
   * and {@code email}, with {@code token}, a token of that issuer for them.
   */
  SignedIn session(String subject, String iss, String name, String email, String token) {
    Issuer issuer = trusted(iss).orElseThrow(() -> new IllegalStateException("a sign-in by " + iss
        + ", which the partnership does not trust"));
    return new SignedIn(subject, issuer.issuer(), issuer.name(), issuer.organisation(), name, email, token);
  }

  /** The configured issuer whose tokens' iss is {@code iss} (a trailing slash aside). */
  Optional<Issuer> trusted(String iss) {
    return verifier.issuers().stream().filter(i -> bare(i.issuer()).equals(bare(iss))).findFirst();
  }

  private static String bare(String url) {
    return url == null ? "" : url.replaceAll("/+$", "");
  }
}
