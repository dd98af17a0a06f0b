package org.laasuite.common.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.net.URI;
import org.laasuite.auth.Issuer;
import org.laasuite.auth.LocalIssuer;

/**
 * One identity provider the partnership trusts, configured under {@code laa.security.issuers.NAME}: {@code
 * issuer} (the tokens' iss; an issuer left empty is not configured), {@code jwks} (where its keys are; empty:
 * from its discovery document), {@code audience} (default laa-suite) and {@code organisation} (the one it
 * vouches for, "organisations/{id}"). From the environment: LAA_SECURITY_ISSUERS_ENTRA_ISSUER and so on.
 */
@EachProperty("laa.security.issuers")
public class IssuerConfiguration {

  private final String name;
  private String issuer = "";
  private String jwks = "";
  private String audience = LocalIssuer.AUDIENCE;
  private String organisation = "";

  public IssuerConfiguration(@Parameter String name) {
    this.name = name;
  }

  public String getIssuer() {
    return issuer;
  }

  public void setIssuer(String issuer) {
    this.issuer = issuer == null ? "" : issuer.strip();
  }

  public String getJwks() {
    return jwks;
  }

  public void setJwks(String jwks) {
    this.jwks = jwks == null ? "" : jwks.strip();
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience == null || audience.isBlank() ? LocalIssuer.AUDIENCE : audience.strip();
  }

  public String getOrganisation() {
    return organisation;
  }

  public void setOrganisation(String organisation) {
    this.organisation = organisation == null ? "" : organisation.strip();
  }

  boolean configured() {
    return !issuer.isEmpty();
  }

  Issuer toIssuer() {
    return new Issuer(name, issuer, jwks.isEmpty() ? null : URI.create(jwks), audience, organisation);
  }
}
