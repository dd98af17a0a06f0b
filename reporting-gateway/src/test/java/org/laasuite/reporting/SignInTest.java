package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.auth.TokenVerifier;
import org.laasuite.testkit.TestIssuer;

/**
 * Signing in at the gateway in local mode (the tests give it the local issuer and no identity provider, as bin/laa
 * does): the banner on every page, the demo people to sign in as, the session cookie, the header and /me of the
 * person signed in, signing out, and the CSRF token every form must carry. The real identity provider's sign-in is
 * SignInIT's.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTest implements TestPropertyProvider {

  @Inject
  EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return RunningSuite.get().gatewayProperties("20s");
  }

  private static Document html(HttpResponse<String> page) {
    return Jsoup.parse(page.body());
  }

  /** The session Sara Roach gets by signing in through the sign-in page, as a person clicks it. */
  private WebVisitor signedInAsSaraRoach() {
    return WebVisitor.signedIn(server.getURI(), "people/sara-roach");
  }

  @Test
  void everyPageSaysItIsInLocalModeAndOffersSignIn() {
    WebVisitor anyone = new WebVisitor(server.getURI());
    for (String page : List.of("/", "/blocks/children-and-young-people", "/report-cards/CYP-28", "/reports/quarterly",
        "/no/such/page", "/sign-in")) {
      Document d = html(anyone.get(page));
      assertEquals("Local mode: sign-in is simulated; do not use with real data",
          d.select("[data-test=local-mode]").text(), page);
      assertEquals("/sign-in", d.select("[data-test=sign-in]").attr("href"), page);
      assertTrue(d.select("[data-test=signed-in]").isEmpty(), page);
      if (!page.equals("/sign-in")) {
        assertEquals(null, anyone.cookie("laa-csrf"), page + " offers no form, so sets no CSRF cookie");
      }
    }
    assertEquals(null, anyone.cookie("laa-session"), "reading sets no session");
    assertTrue(anyone.get("/").headers().firstValue("Cache-Control").isEmpty(), "public pages may be cached");
  }

  @Test
  void theSignInPageListsThePartnershipsPeopleEachAFormWithItsCsrfToken() {
    WebVisitor anyone = new WebVisitor(server.getURI());
    Document page = html(anyone.get("/sign-in"));
    var people = page.select("[data-test=people] button[data-person]");
    // The demo partnership's 46 people, and anyone another test of this suite added: every person the service has.
    assertTrue(people.size() >= 46, "the demo partnership's 46 people: " + people.size());
    assertEquals(peopleOfThePartnership(), people.size(), "every person of the partnership");
    assertEquals("Sara Roach", page.selectFirst("[data-person=people/sara-roach]").text());
    String token = anyone.cookie("laa-csrf");
    assertTrue(token != null && !token.isBlank(), "the page sets the CSRF cookie its forms' token must match");
    assertTrue(page.select("[data-test=people] form").stream().allMatch(f -> f.attr("method").equals("post")
        && f.selectFirst("[name=csrfToken]").val().equals(token)));
    assertTrue(page.select("[data-test=providers]").isEmpty(), "no identity provider in local mode");
  }

  /** How many people the partnership service holds, read as the admin page by page. */
  private static int peopleOfThePartnership() {
    var channel = RunningSuite.get().partnership.channel();
    try {
      var partnership = org.laasuite.partnership.v1.PartnershipServiceGrpc.newBlockingStub(channel)
          .withCallCredentials(TestIssuer.admin());
      int count = 0;
      String token = "";
      do {
        var page = partnership.listPeople(org.laasuite.partnership.v1.ListPeopleRequest.newBuilder().setPageSize(100)
            .setPageToken(token).build());
        count += page.getPeopleCount();
        token = page.getNextPageToken();
      } while (!token.isEmpty());
      return count;
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void aDemoPersonSignsInAndOutWithASessionCookieTheScriptsOfThePageCannotRead() throws Exception {
    WebVisitor sara = new WebVisitor(server.getURI());
    var form = html(sara.get("/sign-in")).selectFirst("[data-person=people/sara-roach]").parent();
    var in = sara.post("/sign-in/local", Map.of("person", "people/sara-roach", "csrfToken",
        form.selectFirst("[name=csrfToken]").val()));
    assertEquals(303, in.statusCode(), in.body());
    assertEquals("/", in.headers().firstValue("Location").orElse(""));
    // Its attributes, after the value: "Max-Age=28800", "Path=/", "HTTPOnly", "SameSite=Lax"...
    List<String> attributes = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("laa-session="))
        .findFirst().map(c -> Arrays.stream(c.split(";")).skip(1).map(a -> a.strip().toLowerCase(Locale.ROOT)).toList())
        .orElseThrow();
    assertTrue(attributes.contains("httponly"), attributes.toString());
    assertTrue(attributes.contains("samesite=lax"), attributes.toString());
    assertFalse(attributes.contains("secure"), "plain HTTP here; LAA_SECURITY_COOKIE_SECURE=true behind TLS");

    var page = sara.get("/");
    assertEquals("private, no-store", page.headers().firstValue("Cache-Control").orElse(""),
        "a page with her name and her form's token is hers alone");
    Document dashboard = html(page);
    assertEquals("Sara Roach", dashboard.select("[data-test=signed-in]").text());
    assertEquals("via " + TestIssuer.NAME, dashboard.select("[data-test=issuer]").text());
    assertTrue(dashboard.select("[data-test=sign-in]").isEmpty());
    assertEquals(155, Integer.parseInt(dashboard.select("[data-test=total] strong").text()), "the same dashboard");

    Document me = html(sara.get("/me"));
    assertEquals("people/sara-roach", me.select("[data-test=identity] [data-test=subject]").text());
    assertEquals(TestIssuer.ISSUER, me.select("[data-test=identity] [data-test=issuer]").text());
    assertEquals("none: this issuer vouches for no one organisation",
        me.select("[data-test=identity] [data-test=organisation]").text());
    assertEquals("You are people/sara-roach in the partnership's records.", me.select("[data-test=person]").text());
    assertTrue(me.select("[data-test=rights] li").eachText().contains(
        "Enter figures for bodies/community-safety-partnership: Advisor of Community Safety Partnership"),
        "what she may do, and why, from the governance data: " + me.select("[data-test=rights]").text());

    // The session keeps a token of the local issuer for the person, which the services accept as theirs.
    var session = SignedJWT.parse(sara.cookie("laa-session")).getJWTClaimsSet();
    var caller = new TokenVerifier(List.of(TestIssuer.get().asIssuer(TestIssuer.NAME)))
        .verify(session.getStringClaim("laa_token"));
    assertEquals("people/sara-roach", caller.subject());
    assertEquals("Sara Roach", caller.displayName());

    String token = dashboard.select("form[action=/sign-out] [name=csrfToken]").val();
    var out = sara.post("/sign-out", Map.of("csrfToken", token));
    assertEquals(303, out.statusCode(), out.body());
    assertEquals(null, sara.cookie("laa-session"), "the session cookie is cleared");
    Document after = html(sara.get("/"));
    assertEquals("/sign-in", after.select("[data-test=sign-in]").attr("href"));
    assertEquals(401, sara.get("/me").statusCode());
  }

  /**
   * "My work" is the signed-in person's: among what is due and overdue on the demo's day (22 August 2007), Sara
   * Roach's figures of SSC-CSP-6, each linked to its return's form, as her public work page lists them.
   */
  @Test
  void myWorkIsTheWorkOfWhoeverIsSignedIn() {
    WebVisitor anyone = new WebVisitor(server.getURI());
    var refused = anyone.get("/my-work");
    assertEquals(401, refused.statusCode());
    assertEquals("/sign-in", html(refused).select("[data-test=sign-in-link]").attr("href"));
    assertTrue(html(anyone.get("/")).select("[data-test=my-work]").isEmpty(), "no link for an anonymous reader");

    WebVisitor sara = signedInAsSaraRoach();
    assertEquals("/my-work", html(sara.get("/")).select("[data-test=my-work]").attr("href"), "in the header");
    Document mine = html(sara.get("/my-work"));
    assertEquals("My work", mine.selectFirst("h1").text());
    var overdue = mine.select("[data-test=due] [data-test=due-item].overdue a[href^=/indicators/SSC-CSP-6/entries/]");
    assertFalse(overdue.isEmpty(), mine.select("[data-test=due]").outerHtml());
    assertFalse(html(sara.get("/work/people/sara-roach")).select("[data-test=indicators] tr[data-indicator=SSC-CSP-6]")
        .isEmpty(), "her public work page lists the same indicator");
  }

  @Test
  void aFormPostedWithoutItsCsrfTokenIsRefused() {
    WebVisitor anyone = new WebVisitor(server.getURI());
    html(anyone.get("/sign-in"));
    var none = anyone.post("/sign-in/local", Map.of("person", "people/sara-roach"));
    assertEquals(403, none.statusCode(), none.body());
    assertTrue(html(none).select("[data-test=detail]").text().contains("without its security token"), none.body());
    assertEquals(null, anyone.cookie("laa-session"), "nobody signed in");
    var forged = anyone.post("/sign-in/local", Map.of("person", "people/sara-roach", "csrfToken",
        "AAAA." + anyone.cookie("laa-csrf").split("\\.")[1]));
    assertEquals(403, forged.statusCode(), "a token the gateway did not make: " + forged.body());
    assertEquals(null, anyone.cookie("laa-session"));

    WebVisitor sara = signedInAsSaraRoach();
    var refused = sara.post("/sign-out", Map.of());
    assertEquals(403, refused.statusCode(), refused.body());
    assertEquals("Sara Roach", html(sara.get("/")).select("[data-test=signed-in]").text(), "still signed in");
    // The token of the page Sara Roach saw before signing in belongs to no session: it does not sign her out.
    WebVisitor before = new WebVisitor(server.getURI());
    html(before.get("/sign-in"));
    var stale = sara.post("/sign-out", Map.of("csrfToken", before.cookie("laa-csrf")));
    assertEquals(403, stale.statusCode(), stale.body());
  }

  @Test
  void meIsForSignedInVisitorsAndUnknownPeopleCannotSignIn() {
    WebVisitor anyone = new WebVisitor(server.getURI());
    var me = anyone.get("/me");
    assertEquals(401, me.statusCode());
    assertTrue(me.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertEquals("/sign-in", html(me).select("[data-test=sign-in-link]").attr("href"));
    assertEquals("Bearer", me.headers().firstValue("WWW-Authenticate").orElse(""));

    String token = html(anyone.get("/sign-in")).selectFirst("[data-test=people] [name=csrfToken]").val();
    Map<String, String> nobody = new LinkedHashMap<>(Map.of("person", "people/nobody-at-all", "csrfToken", token));
    var unknown = anyone.post("/sign-in/local", nobody);
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("people/nobody-at-all does not exist"), unknown.body());
    var malformed = anyone.post("/sign-in/local", Map.of("person", "organisations/coventry-city-council",
        "csrfToken", token));
    assertEquals(400, malformed.statusCode(), malformed.body());
    assertTrue(html(malformed).select("li code").text().equals("person"), malformed.body());
  }

  @Test
  void aSessionSecretTooShortToSignWithStopsTheGatewayAtStartSayingSo() {
    Map<String, Object> p = new HashMap<>(RunningSuite.get().gatewayProperties());
    p.put("laa.security.session.secret", "short");
    var failed = assertThrows(RuntimeException.class, () -> ApplicationContext.run(p).close());
    String why = Stream.iterate((Throwable) failed, t -> t != null, Throwable::getCause).map(Throwable::getMessage)
        .filter(m -> m != null && m.contains("LAA_SECURITY_SESSION_SECRET")).findFirst().orElse(failed.toString());
    assertTrue(why.contains("must be at least 32 characters; it has 5"), why);
  }
}
