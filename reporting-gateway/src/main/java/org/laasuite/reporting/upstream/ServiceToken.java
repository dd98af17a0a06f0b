package org.laasuite.reporting.upstream;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.grpc.CallCredentials;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.laasuite.auth.BearerToken;
import org.laasuite.auth.LocalIssuer;

/**
 * The gateway's own identity towards the services, which need a token on every call: what it reads for the
 * public pages it reads as itself, a machine of the partnership. Either a client of the partnership's identity
 * provider, with client credentials ({@code laa.security.client.token-endpoint}, {@code .client-id},
 * {@code .client-secret}, optional {@code .scope}: the OAuth 2.0 client credentials grant, the secret sent with
 * HTTP Basic), or, in local mode (bin/laa, the tests), a token of the local issuer whose key it is given
 * ({@code laa.security.local-issuer.directory} and {@code .issuer}, subject {@value #SUBJECT}). The token is
 * renewed when half its life has passed.
 */
@Singleton
public class ServiceToken {

  public static final String SUBJECT = "reporting-gateway";
  private static final Duration LIFETIME = Duration.ofHours(1);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final LocalIssuer issuer;
  private final String tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private String token;
  private Instant renewAt = Instant.MIN;

  public ServiceToken(@Value("${laa.security.local-issuer.directory:}") String directory,
      @Value("${laa.security.local-issuer.issuer:}") String issuer,
      @Value("${laa.security.client.token-endpoint:}") String tokenEndpoint,
      @Value("${laa.security.client.client-id:}") String clientId,
      @Value("${laa.security.client.client-secret:}") String clientSecret,
      @Value("${laa.security.client.scope:}") String scope) {
    this.tokenEndpoint = tokenEndpoint.strip();
    this.clientId = clientId.strip();
    this.clientSecret = clientSecret;
    this.scope = scope.strip();
    this.issuer = !this.tokenEndpoint.isEmpty() || directory.isBlank() || issuer.isBlank() ? null
        : LocalIssuer.open(Path.of(directory), issuer);
  }

  /** Credentials for a call to a service, asking for the current token each time. */
  public CallCredentials credentials() {
    return new BearerToken(this::current);
  }

  synchronized String current() {
    Instant now = Instant.now();
    if (token != null && now.isBefore(renewAt)) {
      return token;
    }
    if (!tokenEndpoint.isEmpty()) {
      Map.Entry<String, Duration> granted = clientCredentials();
      token = granted.getKey();
      renewAt = now.plus(granted.getValue().dividedBy(2));
    } else if (issuer != null) {
      token = issuer.mint(SUBJECT, Map.of(), LIFETIME);
      renewAt = now.plus(LIFETIME.dividedBy(2));
    } else {
      throw new IllegalStateException("the gateway has no identity to call the services with: configure "
          + "laa.security.client (LAA_SECURITY_CLIENT_TOKEN_ENDPOINT, _CLIENT_ID, _CLIENT_SECRET) or, locally, "
          + "laa.security.local-issuer");
    }
    return token;
  }

  /** An access token from the token endpoint (RFC 6749 section 4.4) and how long it lives. */
  private Map.Entry<String, Duration> clientCredentials() {
    String form = "grant_type=client_credentials" + (scope.isEmpty() ? "" : "&scope=" + encode(scope));
    String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(clientSecret))
        .getBytes(StandardCharsets.UTF_8));
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
          .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic)
          .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      var json = JSONObjectUtils.parse(r.body());
      String access = JSONObjectUtils.getString(json, "access_token");
      if (r.statusCode() != 200 || access == null) {
        throw new IllegalStateException("the token endpoint refused the gateway's client credentials ("
            + r.statusCode() + " " + JSONObjectUtils.getString(json, "error") + ")");
      }
      long expiresIn = json.get("expires_in") instanceof Number n ? n.longValue() : LIFETIME.toSeconds();
      return Map.entry(access, Duration.ofSeconds(Math.max(expiresIn, 60)));
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("the token endpoint cannot be asked: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** application/x-www-form-urlencoded, as RFC 6749 section 2.3.1 asks of the client id and secret too. */
  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
