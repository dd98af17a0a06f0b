package org.laasuite.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a token must be to identify a caller, and what each wrong one is told. */
class TokenVerifierTest {

  @TempDir
  Path dir;

  private static final String ISS = "https://login.example.org/coventry";

  private static TokenRejected.Reason rejected(TokenVerifier verifier, String token) {
    return assertThrows(TokenRejected.class, () -> verifier.verify(token)).reason();
  }

  @Test
  void aTokenOfAConfiguredIssuerIdentifiesItsSubjectAndEveryWrongOneSaysWhy() throws Exception {
    LocalIssuer coventry = LocalIssuer.open(dir.resolve("coventry"), ISS);
    TokenVerifier verifier = new TokenVerifier(List.of(new Issuer("coventry", ISS, coventry.jwks(),
        LocalIssuer.AUDIENCE, "organisations/coventry-city-council")));

    Caller caller = verifier.verify(coventry.mint("sara", Map.of("email", "sara@example.org",
        "email_verified", true, "name", "Sara Roach"), Duration.ofMinutes(5)));
    assertEquals("sara", caller.subject());
    assertEquals("organisations/coventry-city-council", caller.organisation());
    assertEquals("sara@example.org", caller.email());
    assertEquals(true, caller.emailVerified());

    assertEquals(TokenRejected.Reason.EXPIRED, rejected(verifier,
        coventry.mint("sara", Map.of(), Duration.ofMinutes(-5))));
    assertEquals(TokenRejected.Reason.WRONG_AUDIENCE, rejected(verifier,
        coventry.mint("sara", Map.of("aud", "another-app"), Duration.ofMinutes(5))));
    LocalIssuer stranger = LocalIssuer.open(dir.resolve("stranger"), "https://idp.example.net");
    assertEquals(TokenRejected.Reason.UNKNOWN_ISSUER, rejected(verifier,
        stranger.mint("sara", Map.of(), Duration.ofMinutes(5))));
    LocalIssuer forger = LocalIssuer.open(dir.resolve("forger"), ISS); // the right iss, another key
    assertEquals(TokenRejected.Reason.BAD_SIGNATURE, rejected(verifier,
        forger.mint("sara", Map.of(), Duration.ofMinutes(5))));
    assertEquals(TokenRejected.Reason.MALFORMED, rejected(verifier, "not.a.token"));
    assertEquals(TokenRejected.Reason.MALFORMED, rejected(verifier, ""));
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISS).subject("sara").audience(LocalIssuer.AUDIENCE)
        .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build();
    assertEquals(TokenRejected.Reason.MALFORMED, rejected(verifier, new PlainJWT(claims).serialize()),
        "alg none");
    // HS256 keyed with the issuer's public key, the old algorithm-confusion forgery.
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    hmac.sign(new MACSigner(Files.readString(Path.of(coventry.jwks())).repeat(2).getBytes(StandardCharsets.UTF_8)));
    assertEquals(TokenRejected.Reason.BAD_SIGNATURE, rejected(verifier, hmac.serialize()));
  }

  @Test
  void keysAreFetchedFromTheIssuersJwksAndAgainWhenItRotatesThem() throws Exception {
    LocalIssuer before = LocalIssuer.open(dir.resolve("before"), ISS);
    LocalIssuer after = LocalIssuer.open(dir.resolve("after"), ISS);
    AtomicReference<Path> served = new AtomicReference<>(Path.of(before.jwks()));
    HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwks.createContext("/keys", exchange -> {
      byte[] body = Files.readAllBytes(served.get());
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    jwks.start();
    try {
      TokenVerifier verifier = new TokenVerifier(List.of(new Issuer("idp", ISS,
          URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/keys"), LocalIssuer.AUDIENCE, "")));
      assertEquals("a", verifier.verify(before.mint("a", Map.of(), Duration.ofMinutes(5))).subject());
      served.set(Path.of(after.jwks())); // the issuer rotates: tokens now name a key the cache has not seen
      assertEquals("b", verifier.verify(after.mint("b", Map.of(), Duration.ofMinutes(5))).subject());
    } finally {
      jwks.stop(0);
    }
    TokenVerifier gone = new TokenVerifier(List.of(new Issuer("idp", ISS, URI.create("http://127.0.0.1:9/keys"),
        LocalIssuer.AUDIENCE, "")));
    assertThrows(IssuerUnavailable.class, () -> gone.verify(before.mint("a", Map.of(), Duration.ofMinutes(5))));
  }
}
