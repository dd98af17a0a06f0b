package org.laasuite.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The suite's own issuer, for a partnership that has no identity provider configured yet (bin/laa up's local
 * mode) and for the tests: an EC P-256 key made once and kept in a directory ({@code signing-key.jwk},
 * readable by its owner only, and {@code jwks.json}, its public half, which the services read), and tokens
 * signed with it. It vouches for no organisation: who a subject is comes from the partnership's sign-in links.
 */
public final class LocalIssuer {

  /** The audience of every token the suite accepts unless configured otherwise. */
  public static final String AUDIENCE = "laa-suite";

  private final String issuer;
  private final Path directory;
  private final ECKey key;

  private LocalIssuer(String issuer, Path directory, ECKey key) {
    this.issuer = issuer;
    this.directory = directory;
    this.key = key;
  }

  /** The issuer whose key is in {@code directory}, made first if there is none; its tokens' iss: {@code issuer}. */
  public static LocalIssuer open(Path directory, String issuer) {
    try {
      Files.createDirectories(directory);
      Path secret = directory.resolve("signing-key.jwk");
      if (!Files.exists(secret)) {
        ECKey made = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
            .keyID(UUID.randomUUID().toString()).generate();
        Path tmp = Files.createTempFile(directory, "signing-key", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, made.toJSONString(), StandardCharsets.UTF_8);
        try {
          Files.move(tmp, secret, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
          Files.deleteIfExists(tmp); // another process made it first: use theirs
        }
      }
      ECKey key = ECKey.parse(Files.readString(secret, StandardCharsets.UTF_8));
      Path jwks = directory.resolve("jwks.json");
      String published = new JWKSet(key.toPublicJWK()).toString();
      if (!Files.exists(jwks) || !Files.readString(jwks).equals(published)) {
        Path tmp = Files.createTempFile(directory, "jwks", ".tmp");
        Files.writeString(tmp, published, StandardCharsets.UTF_8);
        Files.move(tmp, jwks, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return new LocalIssuer(issuer, directory, key);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the local issuer's key in " + directory, e);
    } catch (JOSEException | ParseException e) {
      throw new IllegalStateException("the local issuer's key in " + directory + " cannot be read or made", e);
    }
  }

  public String issuer() {
    return issuer;
  }

  /** Where its key is kept. */
  public Path directory() {
    return directory;
  }

  /** Its public keys, as services read them. */
  public URI jwks() {
    return directory.resolve("jwks.json").toUri();
  }

  /** This issuer as a verifier configures it. */
  public Issuer asIssuer(String name) {
    return new Issuer(name, issuer, jwks(), AUDIENCE, "");
  }

  /** A token for {@code subject}, valid for {@code ttl}, with {@code claims} besides the registered ones. */
  public String mint(String subject, Map<String, Object> claims, Duration ttl) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(AUDIENCE)
        .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)))
        .jwtID(UUID.randomUUID().toString());
    claims.forEach(c::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build(), c.build());
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with the local issuer's key", e);
    }
    return jwt.serialize();
  }
}
