package org.laasuite.testkit;

import io.grpc.CallCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.laasuite.auth.BearerToken;
import org.laasuite.auth.LocalIssuer;

/**
 * The issuer the tests' services trust: a local issuer with a key made for this test JVM, configured into every
 * service a test starts ({@link TestDatabase#serviceProperties()}, {@link ServiceProcess}), minting the tokens
 * the tests call with.
 */
public final class TestIssuer {

  public static final String NAME = "test";
  public static final String ISSUER = "https://issuer.test.laasuite.org";
  /** The subject of the tests' partnership admin. */
  public static final String ADMIN = "test-admin";

  private static LocalIssuer issuer;

  private TestIssuer() {
  }

  public static synchronized LocalIssuer get() {
    if (issuer == null) {
      try {
        var dir = Files.createTempDirectory("laa-test-issuer");
        dir.toFile().deleteOnExit();
        issuer = LocalIssuer.open(dir, ISSUER);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return issuer;
  }

  /** A token for {@code subject}, valid for an hour. */
  public static String token(String subject) {
    return get().mint(subject, Map.of(), Duration.ofHours(1));
  }

  /** Credentials for calls as {@code subject}. */
  public static CallCredentials as(String subject) {
    return BearerToken.of(token(subject));
  }

  public static CallCredentials admin() {
    return as(ADMIN);
  }

  /** A service's configuration trusting this issuer (laa.security.issuers.test.*), its {@link #ADMIN} an admin. */
  public static Map<String, String> properties() {
    Map<String, String> p = new HashMap<>();
    p.put("laa.security.issuers." + NAME + ".issuer", ISSUER);
    p.put("laa.security.issuers." + NAME + ".jwks", get().jwks().toString());
    p.put("laa.security.admins", NAME + ":" + ADMIN);
    return p;
  }

  /** The same, as a service process's environment. */
  public static Map<String, String> environment() {
    Map<String, String> e = new HashMap<>();
    e.put("LAA_SECURITY_ISSUERS_TEST_ISSUER", ISSUER);
    e.put("LAA_SECURITY_ISSUERS_TEST_JWKS", get().jwks().toString());
    e.put("LAA_SECURITY_ADMINS", NAME + ":" + ADMIN);
    return e;
  }
}
