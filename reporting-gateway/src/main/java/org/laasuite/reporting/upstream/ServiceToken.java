package org.laasuite.reporting.upstream;

import io.grpc.CallCredentials;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.laasuite.auth.BearerToken;
import org.laasuite.auth.LocalIssuer;

/**
 * The gateway's own identity towards the services, which need a token on every call: what it reads for the
 * public pages it reads as itself, a machine of the partnership (subject {@value #SUBJECT}). In local mode
 * (bin/laa, the tests) the token is signed by the local issuer whose key it is given
 * ({@code laa.security.local-issuer.directory} and {@code .issuer}) and renewed well before it expires.
 */
@Singleton
public class ServiceToken {

  public static final String SUBJECT = "reporting-gateway";
  private static final Duration LIFETIME = Duration.ofHours(1);

  private final LocalIssuer issuer;
  private String token;
  private Instant renewAt = Instant.MIN;

  public ServiceToken(@Value("${laa.security.local-issuer.directory:}") String directory,
      @Value("${laa.security.local-issuer.issuer:}") String issuer) {
    this.issuer = directory.isBlank() || issuer.isBlank() ? null : LocalIssuer.open(Path.of(directory), issuer);
  }

  /** Credentials for a call to a service, asking for the current token each time. */
  public CallCredentials credentials() {
    return new BearerToken(this::current);
  }

  synchronized String current() {
    if (issuer == null) {
      throw new IllegalStateException("the gateway has no identity to call the services with: configure "
          + "laa.security.local-issuer (LAA_SECURITY_LOCAL_ISSUER_DIRECTORY and _ISSUER)");
    }
    Instant now = Instant.now();
    if (token == null || now.isAfter(renewAt)) {
      token = issuer.mint(SUBJECT, Map.of(), LIFETIME);
      renewAt = now.plus(LIFETIME.dividedBy(2));
    }
    return token;
  }
}
