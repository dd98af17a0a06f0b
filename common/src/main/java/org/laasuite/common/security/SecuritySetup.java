package org.laasuite.common.security;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;
import org.laasuite.auth.TokenVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The issuers the process trusts, from configuration ({@link IssuerConfiguration}), as one verifier. */
@Factory
public class SecuritySetup {

  private static final Logger LOG = LoggerFactory.getLogger(SecuritySetup.class);

  @Singleton
  TokenVerifier verifier(List<IssuerConfiguration> issuers) {
    var configured = issuers.stream().filter(IssuerConfiguration::configured).map(IssuerConfiguration::toIssuer)
        .toList();
    if (configured.isEmpty()) {
      LOG.warn("no token issuer is configured (laa.security.issuers): every call that needs a caller is refused");
    } else {
      LOG.info("tokens accepted from {}", configured.stream().map(i -> i.name() + " (" + i.issuer() + ")").toList());
    }
    return new TokenVerifier(configured);
  }
}
