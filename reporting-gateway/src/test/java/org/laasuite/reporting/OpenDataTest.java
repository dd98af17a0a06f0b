package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.auth.LocalIssuer;
import org.laasuite.partnership.v1.CreatePersonRequest;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.partnership.v1.Person;
import org.laasuite.testkit.OpenDataSchemas;
import org.laasuite.testkit.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partnership's money as 360Giving (JSON package and spreadsheet) and its governance as Popolo, on the demo
 * data, read anonymously: every grant and every Popolo object valid against the standards' schemas in
 * the repository's standards/, identifiers stable, Annex 3's pooled total reproduced, no contact details.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String SECRET_EMAIL = "open.data.secret@example.org";

  private EmbeddedServer gateway;

  @BeforeAll
  void start() {
    RunningSuite suite = RunningSuite.get();
    // A person whose e-mail address is on record: no open-data output may show it.
    PartnershipServiceGrpc.newBlockingStub(suite.partnership.channel()).withCallCredentials(TestIssuer.admin())
        .createPerson(CreatePersonRequest.newBuilder().setPerson(Person.newBuilder().setId("open-data-emailed")
            .setDisplayName("Open Data Emailed").setEmail(SECRET_EMAIL)).setRequestId("open-data-emailed").build());
    gateway = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(suite.gatewayProperties("20s")));
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  static JsonNode json(EmbeddedServer gateway, String path) {
    var answer = Http.get(gateway.getURI(), path);
    assertEquals(200, answer.statusCode(), path + ": " + answer.body());
    assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return JSON.readTree(answer.body());
  }

  @Test
  void theGrantsPackageAndEveryGrantInItAreValid360Giving() {
    var answer = Http.get(gateway.getURI(), "/open-data/360giving.json");
    assertEquals(200, answer.statusCode(), answer.body());
    OpenDataSchemas.assertValid("360giving/360-giving-package-schema.json", answer.body());
    JsonNode pack = JSON.readTree(answer.body());
    assertTrue(pack.get("grants").size() > 20, "every quantified pooled line: " + pack.get("grants").size());
    for (JsonNode grant : pack.get("grants")) {
      OpenDataSchemas.assertValid("360giving/360-giving-schema.json", grant.toString());
    }
    assertEquals("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        pack.get("license").asString());
    assertEquals("Coventry Partnership", pack.get("publisher").get("name").asString());
  }

  @Test
  void thePooledGrantsAddUpToAnnex3sPooledTotalAndGoToTheAccountableBody() {
    JsonNode pack = json(gateway, "/open-data/360giving.json?year=2007-08");
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode grant : pack.get("grants")) {
      if (grant.get("id").asString().contains("-commitment-")) {
        continue; // a commitment's grant (other test classes add commitments to the shared suite): not pooled funding
      }
      total = total.add(grant.get("amountAwarded").decimalValue());
      assertEquals("Coventry City Council", grant.get("recipientOrganization").get(0).get("name").asString());
      assertEquals("360G-coventrypartnership-org-coventry-city-council",
          grant.get("recipientOrganization").get(0).get("id").asString(), "no registered number is known");
      assertEquals("360G-coventrypartnership-org-coventry-partnership",
          grant.get("fundingOrganization").get(0).get("id").asString());
      assertTrue(grant.get("id").asString().startsWith("360G-coventrypartnership-"), grant.get("id").asString());
    }
    // Annex 3: pooled £28,475,680 (automatically pooled 609,760 + 16,473,426, other pooled 11,392,494). Aligned
    // funding is no grant of the partnership's, and the minutes' NYQ posts have no amount to publish.
    assertEquals(0, new BigDecimal("28475680").compareTo(total), total.toPlainString());
    JsonNode positive = find(pack.get("grants"), "title", "Positive Activities for Young People (revenue, 2007-08)");
    assertEquals(0, new BigDecimal("369441").compareTo(positive.get("amountAwarded").decimalValue()));
    assertEquals("2007-04-01", positive.get("plannedDates").get(0).get("startDate").asString());
    assertEquals("2008-03-31", positive.get("plannedDates").get(0).get("endDate").asString());
  }

  @Test
  void grantIdentifiersAreUniqueAndTheSameOnEveryRead() {
    List<String> first = ids(json(gateway, "/open-data/360giving.json").get("grants"));
    List<String> second = ids(json(gateway, "/open-data/360giving.json").get("grants"));
    assertEquals(first, second);
    assertEquals(first.size(), new HashSet<>(first).size(), "each grant its own identifier");
    // Made of the stream's id, the year and the part: the same for as long as the stream exists.
    assertTrue(first.contains("360G-coventrypartnership-stream-positive-activities-for-young-people-cyp-2007-08-revenue"),
        first.toString());
  }

  @Test
  void theSpreadsheetFormHasTheStandardsColumnsAndTheSameGrants() throws Exception {
    var answer = Http.get(gateway.getURI(), "/open-data/360giving.csv");
    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(answer.body())).getRecords();
    JsonNode grants = json(gateway, "/open-data/360giving.json").get("grants");
    assertEquals(grants.size(), rows.size());
    assertEquals(List.of("Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date",
        "Planned Dates:Start Date", "Planned Dates:End Date", "Recipient Org:Identifier", "Recipient Org:Name",
        "Recipient Org:Charity Number", "Recipient Org:Company Number", "Funding Org:Identifier", "Funding Org:Name",
        "Grant Programme:Title", "Classifications:Vocabulary", "Classifications:Code", "Classifications:Title"),
        rows.getFirst().getParser().getHeaderNames());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(grants.get(i).get("id").asString(), rows.get(i).get("Identifier"));
      assertEquals(0, grants.get(i).get("amountAwarded").decimalValue()
          .compareTo(new BigDecimal(rows.get(i).get("Amount Awarded"))));
      assertEquals("GBP", rows.get(i).get("Currency"));
      assertEquals("Coventry City Council", rows.get(i).get("Recipient Org:Name"));
    }
  }

  @Test
  void aYearThatIsNoFinancialYearIsRefusedNamingTheParameter() {
    var answer = Http.get(gateway.getURI(), "/open-data/360giving.json?year=2007-09", "application/json");
    assertEquals(400, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("\"year\""), answer.body());
  }

  @Test
  void thePopoloDocumentsObjectsAreValidAndBodiesNameTheirParents() {
    var answer = Http.get(gateway.getURI(), "/open-data/popolo.json");
    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode doc = JSON.readTree(answer.body());
    Map<String, String> schemas = Map.of("organizations", "popolo/organization.json", "persons", "popolo/person.json",
        "memberships", "popolo/membership.json", "posts", "popolo/post.json");
    Set<String> ids = new HashSet<>();
    for (var e : schemas.entrySet()) {
      assertFalse(doc.get(e.getKey()).isEmpty(), e.getKey());
      for (JsonNode o : doc.get(e.getKey())) {
        OpenDataSchemas.assertValid(e.getValue(), o.toString());
        assertTrue(ids.add(o.get("id").asString()), "one object an id: " + o.get("id"));
      }
    }
    JsonNode tg = find(doc.get("organizations"), "id", "bodies/community-safety-partnership");
    assertEquals("theme group", tg.get("classification").asString());
    for (JsonNode o : doc.get("organizations")) {
      if (o.has("parent_id")) {
        assertTrue(ids.contains(o.get("parent_id").asString()), "a parent that is there: " + o);
      }
    }
    for (JsonNode m : doc.get("memberships")) {
      assertTrue(ids.contains(m.get("person_id").asString()), m.toString());
      assertTrue(ids.contains(m.get("organization_id").asString()), m.toString());
      if (m.has("post_id")) {
        assertTrue(ids.contains(m.get("post_id").asString()), m.toString());
      }
    }
    assertTrue(doc.get("posts").toString().contains("\"label\":\"Chair\""), "chairs are posts");
  }

  @Test
  void noOutputShowsAContactDetail() {
    for (String path : List.of("/open-data/popolo.json", "/open-data/360giving.json", "/open-data/360giving.csv")) {
      var answer = Http.get(gateway.getURI(), path);
      assertEquals(200, answer.statusCode());
      assertFalse(answer.body().contains(SECRET_EMAIL), path);
      assertFalse(answer.body().contains("\"email\""), path);
      assertFalse(answer.body().contains("contact_details"), path);
    }
    JsonNode persons = json(gateway, "/open-data/popolo.json").get("persons");
    assertEquals("Open Data Emailed", find(persons, "id", "people/open-data-emailed").get("name").asString());
  }

  @Test
  void theLicenceAndPublisherAreConfigurable() {
    Map<String, Object> p = new HashMap<>(RunningSuite.get().gatewayProperties("20s"));
    p.put("laa.open-data.licence-url", "https://creativecommons.org/licenses/by/4.0/");
    p.put("laa.open-data.publisher", "Coventry City Council");
    p.put("laa.open-data.prefix", "360G-coventry");
    try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, p)) {
      JsonNode pack = json(other, "/open-data/360giving.json");
      assertEquals("https://creativecommons.org/licenses/by/4.0/", pack.get("license").asString());
      assertEquals("Coventry City Council", pack.get("publisher").get("name").asString());
      assertEquals("360G-coventry-org-coventry-city-council", pack.get("publisher").get("identifier").asString());
      assertTrue(pack.get("grants").get(0).get("id").asString().startsWith("360G-coventry-stream-"));
      assertEquals("https://creativecommons.org/licenses/by/4.0/",
          json(other, "/oparl/v1/system").get("license").asString());
    }
  }

  @Test
  void theOutputsAreReadAsTheirCallerNotAsTheGateway() throws Exception {
    // An issuer the gateway trusts and the services do not: an anonymous reader is served (read as the gateway),
    // that caller is not, because the services themselves refuse what the gateway passes on as the caller's.
    LocalIssuer gatewayOnly = LocalIssuer.open(Files.createTempDirectory("open-data-issuer"), "https://open-data.test");
    Map<String, Object> p = new HashMap<>(RunningSuite.get().gatewayProperties("20s"));
    p.put("laa.security.issuers.gatewayonly.issuer", gatewayOnly.issuer());
    p.put("laa.security.issuers.gatewayonly.jwks", gatewayOnly.jwks().toString());
    try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, p)) {
      String token = "Bearer " + gatewayOnly.mint("people/someone", Map.of(), Duration.ofMinutes(5));
      for (String path : List.of("/open-data/popolo.json", "/open-data/360giving.json",
          "/oparl/v1/bodies/partnership/people")) {
        assertEquals(200, Http.get(other.getURI(), path).statusCode(), path);
        var refused = Http.authorized(other.getURI(), path, token);
        assertEquals(401, refused.statusCode(), path + ": " + refused.body());
      }
    }
  }

  @Test
  void theDashboardLinksOneZipOfEverythingWithItsLicenceAndTheDateOfEachFile() throws Exception {
    var dashboard = Http.get(gateway.getURI(), "/");
    assertEquals(200, dashboard.statusCode());
    assertTrue(dashboard.body().contains("href=\"/open-data/laa-open-data.zip\""), "the dashboard links the ZIP");

    var answer = Http.bytes(gateway.getURI(), "/open-data/laa-open-data.zip");
    assertEquals(200, answer.statusCode());
    assertEquals("application/zip", answer.headers().firstValue("Content-Type").orElse(""));
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(answer.body()))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        files.put(e.getName(), zip.readAllBytes());
      }
    }
    assertEquals(List.of("simple-view.csv", "simple-view.xlsx", "360giving.json", "360giving.csv", "popolo.json",
        "LICENCE.txt"), List.copyOf(files.keySet()));
    String grants = new String(files.get("360giving.json"), java.nio.charset.StandardCharsets.UTF_8);
    OpenDataSchemas.assertValid("360giving/360-giving-package-schema.json", grants);
    assertEquals(JSON.readTree(grants).get("grants"), json(gateway, "/open-data/360giving.json").get("grants"),
        "the ZIP's grants are the download's");
    String popolo = new String(files.get("popolo.json"), java.nio.charset.StandardCharsets.UTF_8);
    assertFalse(popolo.contains(SECRET_EMAIL));
    String csv = new String(files.get("simple-view.csv"), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(csv.contains("CYP"), "the Simple View's indicators");
    assertEquals('P', (char) files.get("simple-view.xlsx")[0], "a workbook is a ZIP of its own");

    String licence = new String(files.get("LICENCE.txt"), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(licence.contains("Published by Coventry Partnership under the Open Government Licence v3.0:\n"
        + "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"), licence);
    for (String name : List.of("simple-view.csv", "simple-view.xlsx", "360giving.json", "360giving.csv",
        "popolo.json")) {
      assertTrue(java.util.regex.Pattern.compile("- " + java.util.regex.Pattern.quote(name)
          + " \\(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC\\): ").matcher(licence).find(), licence);
    }
    assertTrue(licence.contains("/oparl/v1/system"), licence);
  }

  static JsonNode find(JsonNode array, String key, String value) {
    List<String> seen = new ArrayList<>();
    for (JsonNode o : array) {
      if (value.equals(o.path(key).asString(""))) {
        return o;
      }
      seen.add(o.path(key).asString(""));
    }
    throw new AssertionError("no " + key + " " + value + " among " + seen);
  }

  private static List<String> ids(JsonNode grants) {
    List<String> ids = new ArrayList<>();
    grants.forEach(g -> ids.add(g.get("id").asString()));
    return ids;
  }
}
