package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laasuite.testkit.Keycloak;
import org.openqa.selenium.By;

/**
 * Signing in through a real OpenID Connect server: Keycloak (testkit's), configured as the gateway's identity
 * provider and as an issuer it trusts, and a person signing in with it in Chromium, as anyone would: the
 * authorization code flow with PKCE (S256), state and nonce, Keycloak's own login page, back to the gateway signed in.
 */
@MicronautTest(transactional = false)
class SignInIT extends InChromium {

  private static final String ORGANISATION = "organisations/coventry-partnership";

  @Override
  public Map<String, String> getProperties() {
    Keycloak.starting(); // while the services start
    Map<String, String> p = super.getProperties();
    // The gateway reads the provider's discovery document as it starts: Keycloak must serve by then.
    Keycloak keycloak = Keycloak.get();
    // One name for the issuer the partnership trusts and the client browsers sign in with.
    p.put("laa.security.issuers.keycloak.issuer", keycloak.issuer());
    p.put("laa.security.issuers.keycloak.organisation", ORGANISATION);
    p.put("micronaut.security.oauth2.clients.keycloak.openid.issuer", keycloak.issuer());
    p.put("micronaut.security.oauth2.clients.keycloak.client-id", Keycloak.GATEWAY_CLIENT);
    p.put("micronaut.security.oauth2.clients.keycloak.client-secret", Keycloak.GATEWAY_SECRET);
    return p;
  }

  /** What /me says of the person signed in. */
  private String identity(String testId) {
    return browser.findElement(By.cssSelector("[data-test=identity] [data-test=" + testId + "]")).getText();
  }

  private boolean present(String testId) {
    return !browser.findElements(By.cssSelector("[data-test=" + testId + "]")).isEmpty();
  }

  @Test
  void aPersonSignsInWithKeycloakSeesWhoTheyAreAndSignsOut() {
    browser.get(url("/"));
    assertEquals("155", browser.findElement(By.cssSelector("[data-test=total] strong")).getText(), "read anonymously");
    assertFalse(present("local-mode"), "an identity provider is configured: sign-in is real");
    assertFalse(present("signed-in"));

    browser.findElement(By.cssSelector("[data-test=sign-in]")).click();
    await("[data-provider=keycloak]").click();
    // Keycloak's login page, asked for the code with a PKCE challenge, state and nonce.
    await("#username");
    String authorization = browser.getCurrentUrl();
    assertTrue(authorization.startsWith(Keycloak.get().issuer() + "/protocol/openid-connect/auth?"), authorization);
    for (String parameter : new String[] {"response_type=code", "client_id=" + Keycloak.GATEWAY_CLIENT,
        "code_challenge_method=S256", "code_challenge=", "state=", "nonce="}) {
      assertTrue(authorization.contains(parameter), parameter + " in " + authorization);
    }
    browser.findElement(By.id("username")).sendKeys(Keycloak.SARA_ROACH.username());
    browser.findElement(By.id("password")).sendKeys(Keycloak.SARA_ROACH.password());
    browser.findElement(By.id("kc-login")).click();

    await("[data-test=signed-in]");
    assertEquals(url("/"), browser.getCurrentUrl(), "back at the dashboard");
    assertEquals(Keycloak.SARA_ROACH.name(), text("[data-test=signed-in]"));
    assertEquals(Keycloak.SARA_ROACH.email(), text("[data-test=email]"));
    assertEquals("via keycloak", text("[data-test=issuer]"));
    assertEquals("155", browser.findElement(By.cssSelector("[data-test=total] strong")).getText(), "the same page");

    browser.findElement(By.cssSelector("[data-test=signed-in]")).click();
    await("[data-test=identity]");
    assertEquals(url("/me"), browser.getCurrentUrl());
    assertEquals(Keycloak.SARA_ROACH.name(), browser.findElement(By.tagName("h1")).getText());
    assertTrue(identity("subject").matches("[0-9a-f-]{36}"), "Keycloak's id of the person: " + identity("subject"));
    assertEquals(Keycloak.get().issuer(), identity("issuer"));
    assertEquals(ORGANISATION, identity("organisation"));
    assertEquals(Keycloak.SARA_ROACH.email(), identity("email"));
    // The services of this suite trust only the tests' own issuer: the partnership service refuses Keycloak's
    // token, and the page says so rather than guessing.
    assertTrue(text("[data-test=rights-unknown]").startsWith("Your rights cannot be shown: the partnership service "
        + "does not accept your sign-in's token"), text("[data-test=rights-unknown]"));

    browser.findElement(By.cssSelector("[data-test=sign-out]")).click();
    await("[data-test=sign-in]");
    assertEquals(url("/"), browser.getCurrentUrl());
    assertFalse(present("signed-in"), "anonymous again");
    assertTrue(present("sign-in"));
    browser.get(url("/me"));
    assertEquals("401 Unauthorized", browser.findElement(By.tagName("h1")).getText());
  }

  /**
   * A sign-in that comes back refused (the person cancelled at the provider) is a 401 saying so; one that comes back
   * without the state the gateway sent (a forged or replayed callback) is not taken, and the sign-in page says so.
   */
  @Test
  void aSignInTheProviderRefusesOrThatLostItsStateSaysSo() {
    var refused = Http.get(server.getURI(), "/oauth/callback/keycloak?error=access_denied&state=x", "text/html");
    assertEquals(401, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("The identity provider did not sign you in (access_denied)"), refused.body());

    var forged = Http.get(server.getURI(), "/oauth/callback/keycloak?code=anything&state=forged", "text/html");
    assertEquals(303, forged.statusCode(), forged.body());
    assertEquals("/sign-in?failed=true", forged.headers().firstValue("Location").orElse(""));
    assertTrue(forged.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("laa-session=")),
        "no session");
    assertTrue(Http.get(server.getURI(), "/sign-in?failed=true").body().contains("The sign-in did not complete"));
  }
}
