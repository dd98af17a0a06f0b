package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.testkit.OpenDataSchemas;
import tools.jackson.databind.JsonNode;

/**
 * The OParl 1.1 read API on the demo data, read anonymously: the system, its body, and the body's lists walked page
 * by page through their next links, every object and every page's objects valid against the repository's
 * standards/oparl, each object once, each at its own absolute URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OparlTest {

  private static final Map<String, String> LISTS = Map.of("organizations", "Organization", "people", "Person",
      "memberships", "Membership", "meetings", "Meeting", "agenda-items", "AgendaItem");

  private EmbeddedServer gateway;
  private String base;

  @BeforeAll
  void start() {
    gateway = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(RunningSuite.get().gatewayProperties("20s")));
    base = gateway.getURI().toString().replaceAll("/$", "");
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  private JsonNode get(String url) {
    return OpenDataTest.json(gateway, url.startsWith("http") ? URI.create(url).getRawPath()
        + (URI.create(url).getRawQuery() == null ? "" : "?" + URI.create(url).getRawQuery()) : url);
  }

  @Test
  void theSystemAndItsBodyAreValidAndLeadToEachOther() {
    JsonNode system = get("/oparl/v1/system");
    OpenDataSchemas.assertValid("oparl/System.json", system.toString());
    assertEquals(base + "/oparl/v1/system", system.get("id").asString());
    assertEquals("https://schema.oparl.org/1.1/System", system.get("type").asString());
    assertEquals("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        system.get("license").asString());
    JsonNode bodies = get(system.get("body").asString());
    assertEquals(1, bodies.get("pagination").get("totalElements").asInt());
    JsonNode body = bodies.get("data").get(0);
    OpenDataSchemas.assertValid("oparl/Body.json", body.toString());
    assertEquals(body, get(body.get("id").asString()), "the body at its own URL");
    assertEquals("https://schema.oparl.org/1.1/Body", body.get("type").asString());
    for (String list : List.of("organization", "person", "meeting", "paper", "agendaItem", "membership")) {
      JsonNode page = get(body.get(list).asString());
      assertTrue(page.has("data") && page.has("pagination") && page.has("links"), list + ": " + page);
    }
  }

  @Test
  void everyListIsWalkedPageByPageEachObjectOnceAndValid() {
    for (var e : LISTS.entrySet()) {
      String url = base + "/oparl/v1/bodies/partnership/" + e.getKey() + "?limit=7";
      Set<String> ids = new HashSet<>();
      int pages = 0;
      int total = -1;
      while (url != null) {
        JsonNode page = get(url);
        pages++;
        total = page.get("pagination").get("totalElements").asInt();
        assertEquals(pages, page.get("pagination").get("currentPage").asInt());
        assertTrue(page.get("data").size() <= 7);
        for (JsonNode o : page.get("data")) {
          OpenDataSchemas.assertValid("oparl/" + e.getValue() + ".json", o.toString());
          assertEquals("https://schema.oparl.org/1.1/" + e.getValue(), o.get("type").asString());
          assertTrue(o.get("id").asString().startsWith(base + "/oparl/v1/"), o.get("id").asString());
          assertTrue(ids.add(o.get("id").asString()), "seen twice: " + o.get("id"));
        }
        url = page.get("links").has("next") ? page.get("links").get("next").asString() : null;
      }
      assertEquals(total, ids.size(), e.getKey());
      assertTrue(total > 0, e.getKey());
      assertEquals((total + 6) / 7, pages, e.getKey());
    }
  }

  @Test
  void everyObjectIsAtItsOwnUrl() {
    for (var e : LISTS.entrySet()) {
      JsonNode page = get("/oparl/v1/bodies/partnership/" + e.getKey() + "?limit=100");
      JsonNode first = page.get("data").get(0);
      JsonNode last = page.get("data").get(page.get("data").size() - 1);
      assertEquals(first, get(first.get("id").asString()), e.getKey());
      assertEquals(last, get(last.get("id").asString()), e.getKey());
    }
  }

  @Test
  void aMeetingHasItsBodyItsParticipantsAndItsAgendaItems() {
    JsonNode meeting = get("/oparl/v1/meetings/leaders-and-advisors-2007-08-22");
    OpenDataSchemas.assertValid("oparl/Meeting.json", meeting.toString());
    assertTrue(meeting.get("name").asString().endsWith("22 August 2007"), meeting.get("name").asString());
    assertFalse(meeting.get("participant").isEmpty());
    List<String> people = new ArrayList<>();
    for (JsonNode p : meeting.get("participant")) {
      people.add(get(p.asString()).get("name").asString());
    }
    assertFalse(people.isEmpty());
    JsonNode items = meeting.get("agendaItem");
    assertTrue(items.size() >= 3, items.toString());
    for (int i = 0; i < items.size(); i++) {
      OpenDataSchemas.assertValid("oparl/AgendaItem.json", items.get(i).toString());
      assertEquals(i + 1, items.get(i).get("order").asInt());
      assertEquals(meeting.get("id"), items.get(i).get("meeting"));
    }
    JsonNode organization = get(meeting.get("organization").get(0).asString());
    OpenDataSchemas.assertValid("oparl/Organization.json", organization.toString());
  }

  @Test
  void objectUrlsFollowTheConfiguredPublicUrl() {
    Map<String, Object> p = new HashMap<>(RunningSuite.get().gatewayProperties("20s"));
    p.put("laa.open-data.public-url", "https://performance.example.org/");
    try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, p)) {
      JsonNode people = OpenDataTest.json(other, "/oparl/v1/bodies/partnership/people");
      assertTrue(people.get("data").get(0).get("id").asString().startsWith("https://performance.example.org/oparl/v1/people/"),
          people.get("data").get(0).toString());
      assertTrue(people.get("links").get("next").asString()
          .startsWith("https://performance.example.org/oparl/v1/bodies/partnership/people?page=2"));
    }
  }

  @Test
  void badPagingIsRefusedNamingTheParameterAndUnknownObjectsAreNotFound() {
    for (String query : List.of("page=0", "page=x", "limit=1000", "page=999")) {
      var answer = Http.get(gateway.getURI(), "/oparl/v1/bodies/partnership/people?" + query, "application/json");
      assertEquals(400, answer.statusCode(), query + ": " + answer.body());
      assertTrue(answer.body().contains(query.substring(0, query.indexOf('=')) + "\""), answer.body());
    }
    for (String path : List.of("/oparl/v1/people/no-such-person", "/oparl/v1/bodies/elsewhere",
        "/oparl/v1/bodies/partnership/votes", "/oparl/v1/meetings/no-such-meeting/items/1")) {
      assertEquals(404, Http.get(gateway.getURI(), path).statusCode(), path);
    }
  }

  @Test
  void personsCarryNamesAndRolesNeverContactDetails() {
    JsonNode people = get("/oparl/v1/bodies/partnership/people?limit=100");
    String all = people.toString();
    assertFalse(all.contains(OpenDataTest.SECRET_EMAIL));
    for (JsonNode p : people.get("data")) {
      assertFalse(p.has("email") || p.has("phone"), p.toString());
    }
  }
}
