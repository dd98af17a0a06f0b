package org.laasuite.auth;

import java.net.URI;

/**
 * An identity provider whose tokens the partnership accepts: tokens whose {@code iss} is {@code issuer}, naming
 * {@code audience}, signed with a key of its JSON Web Key Set. The keys are at {@code jwks} (an https URL,
 * fetched when first needed and again when a token names a key not yet seen, so that the provider can rotate
 * its keys; or a file, as the local issuer's) or, when {@code jwks} is null, where the issuer's OpenID
 * discovery document ({@code {issuer}/.well-known/openid-configuration}) says. It vouches for the people and
 * machines of {@code organisation} ("organisations/coventry-city-council"; empty for one that vouches for
 * several, as the partnership's own does).
 *
 * @param name what configuration calls it ("entra", "local")
 */
public record Issuer(String name, String issuer, URI jwks, String audience, String organisation) {

  public Issuer {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("issuer " + name + " has no issuer URL");
    }
    if (audience == null || audience.isBlank()) {
      throw new IllegalArgumentException("issuer " + name + " has no audience");
    }
    organisation = organisation == null ? "" : organisation;
  }

  /** Where the discovery document is, by OpenID Connect Discovery 1.0 section 4. */
  public URI discovery() {
    return URI.create(issuer.replaceAll("/$", "") + "/.well-known/openid-configuration");
  }
}
