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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.partnership.v1.CreatePersonRequest;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.partnership.v1.Person;
import org.laasuite.testkit.TestIssuer;

/**
 * The governance pages on the demo data (data/coventry-2007-08/partnership.yaml), read anonymously from the real
 * suite: the 22 August 2007 meeting as minuted, its PDFs, the iCalendar feed, a person's page and a body's health.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernancePagesTest {

  private static final String MEETING = "/meetings/leaders-and-advisors-2007-08-22";

  private EmbeddedServer gateway;

  @BeforeAll
  void start() {
    gateway = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(RunningSuite.get().gatewayProperties("20s")));
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  private URI base() {
    return gateway.getURI();
  }

  private Document page(String path) {
    var response = Http.get(base(), path, "text/html");
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return Jsoup.parse(response.body());
  }

  private static List<String> attendees(Document page, String group) {
    Element g = page.selectFirst("[data-test=attendance] [data-group=" + group + "]");
    return g == null ? List.of() : g.select("[data-test=attendee]").eachText();
  }

  @Test
  void theMeetingOf22August2007Shows17Present3InAttendanceAnd5ApologiesWithTheirOrganisations() {
    Document page = page(MEETING);
    List<String> present = attendees(page, "present");
    List<String> inAttendance = attendees(page, "in-attendance");
    List<String> apologies = attendees(page, "apologies");
    assertEquals(17, present.size(), present.toString());
    assertEquals(3, inAttendance.size(), inAttendance.toString());
    assertEquals(5, apologies.size(), apologies.toString());
    assertTrue(present.contains("Sara Roach (Advisor), Community Safety Partnership"), present.toString());
    assertTrue(present.contains("Rosalind Roberts, Coventry Partnership Secretariat"), present.toString());
    assertTrue(inAttendance.stream().anyMatch(a -> a.startsWith("Sharon Mace, ")), inAttendance.toString());
    assertTrue(apologies.stream().anyMatch(a -> a.startsWith("Mark Taylor") && a.endsWith("Community Safety Partnership")),
        apologies.toString());
    // Every one of them with an organisation or body but Janice Nichols, whose the minutes do not print.
    List<String> all = new ArrayList<>(present);
    all.addAll(inAttendance);
    all.addAll(apologies);
    assertEquals(24, page.select("[data-test=attendee] .organisation").size(), all.toString());
    assertFalse(page.select("[data-test=actions] tr").isEmpty(), "its actions");
    assertTrue(page.selectFirst("[data-test=actions]").text().contains("Helen"), "owners are named");
  }

  @Test
  void theAgendaAndMinutesRenderAsPdfWithTheMeetingsTitle() throws Exception {
    for (String paper : List.of("agenda", "minutes")) {
      var response = Http.bytes(base(), MEETING + "/" + paper + ".pdf");
      assertEquals(200, response.statusCode(), paper);
      assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
      assertTrue(new String(response.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF"));
      try (PDDocument pdf = Loader.loadPDF(response.body())) {
        String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains("2007-08-22"), text);
        assertTrue(text.contains("Leaders"), text);
        assertEquals(paper.equals("minutes"), text.contains("Present (17)"), paper + ": " + text);
      }
    }
  }

  @Test
  void aBodysCalendarFeedParsesAndHoldsEachMeetingOnce() throws Exception {
    var response = Http.get(base(), "/bodies/leaders-and-advisors/meetings.ics");
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
    String ics = response.body();
    assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics);
    assertTrue(ics.endsWith("END:VCALENDAR\r\n"), ics);
    // Unfolded (RFC 5545 3.1), every line a NAME[;PARAMS]:VALUE, no line longer than 75 octets.
    for (String line : ics.split("\r\n")) {
      assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, line);
    }
    List<Map<String, String>> events = new ArrayList<>();
    Map<String, String> event = null;
    for (String line : ics.replace("\r\n ", "").split("\r\n")) {
      assertTrue(line.matches("[A-Z-]+(;[A-Z-]+=[^:]+)?:.*"), line);
      String key = line.substring(0, line.indexOf(':'));
      String value = line.substring(line.indexOf(':') + 1);
      if (line.equals("BEGIN:VEVENT")) {
        event = new HashMap<>();
      } else if (line.equals("END:VEVENT")) {
        events.add(event);
        event = null;
      } else if (event != null) {
        assertEquals(null, event.put(key, value), "one " + key + " an event");
      }
    }
    assertEquals(1, events.size(), ics);
    Set<String> uids = new HashSet<>();
    events.forEach(e -> assertTrue(uids.add(e.get("UID")), "each meeting once"));
    Map<String, String> meeting = events.get(0);
    assertTrue(meeting.get("UID").startsWith("meetings/leaders-and-advisors-2007-08-22@"), meeting.toString());
    assertEquals("20070822T100000", meeting.get("DTSTART"));
    assertEquals("20070822T120000", meeting.get("DTEND"));
    assertEquals("Corporate Training Centre\\, Elm Bank", meeting.get("LOCATION"));
    assertTrue(meeting.get("URL").endsWith(MEETING), meeting.toString());
    assertTrue(meeting.containsKey("DTSTAMP"));
    assertEquals(ics, Http.get(base(), "/bodies/leaders-and-advisors/meetings.ics").body(), "the same feed again");
    // And as a calendar program reads it: ical4j parses it and finds nothing RFC 5545 forbids.
    net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder()
        .build(new java.io.StringReader(ics));
    var validation = calendar.validate();
    assertFalse(validation.hasErrors(), validation.getEntries().toString());
    List<net.fortuna.ical4j.model.component.VEvent> parsed = calendar.getComponents("VEVENT");
    assertEquals(1, parsed.size());
    assertEquals(meeting.get("UID"), parsed.get(0).getRequiredProperty("UID").getValue());
    assertEquals("Corporate Training Centre, Elm Bank", parsed.get(0).getRequiredProperty("LOCATION").getValue());
  }

  @Test
  void aPersonsPageShowsMembershipsActionsAndAttendance() {
    Document page = page("/people/sara-roach");
    assertEquals("Sara Roach", page.selectFirst("[data-test=name]").text());
    assertTrue(page.select("[data-test=memberships] a[href=/bodies/community-safety-partnership]").size() == 1,
        page.select("[data-test=memberships]").text());
    // Present on 22 August 2007, in attendance on 24 April 2007.
    assertTrue(page.selectFirst("[data-test=attendance-counts]").text().startsWith("1 present, 1 in attendance"),
        page.text());
    assertEquals(1, page.select("[data-test=attendance] a[href=" + MEETING + "]").size());
  }

  @Test
  void aPersonsPageNeverShowsTheirEmail() {
    // The demo people have no e-mail recorded: one who has, made here as the admin.
    var channel = RunningSuite.get().partnership.channel();
    try {
      PartnershipServiceGrpc.newBlockingStub(channel).withCallCredentials(TestIssuer.as(TestIssuer.ADMIN))
          .createPerson(CreatePersonRequest.newBuilder().setPerson(Person.newBuilder().setId("governance-pages-clerk")
              .setDisplayName("Pat Clerk").setJobTitle("Clerk").setEmail("pat.clerk@example.org")).build());
    } finally {
      channel.shutdownNow();
    }
    Document page = page("/people/governance-pages-clerk");
    assertEquals("Pat Clerk", page.selectFirst("[data-test=name]").text());
    assertTrue(page.text().contains("Clerk"));
    assertFalse(page.html().contains("pat.clerk"), "no e-mail address on a person's page");
    assertTrue(page.select("a[href^=mailto]").isEmpty());
  }

  @Test
  void aBodysPageShowsGovernanceHealthFromTheDemoAttendance() {
    Document page = page("/bodies/leaders-and-advisors");
    assertEquals("2006-08-22", page.selectFirst("[data-test=health-from]").text());
    assertEquals("2007-08-22", page.selectFirst("[data-test=health-to]").text());
    assertEquals("1", page.selectFirst("[data-test=health-meetings]").text());
    // 003: the Secretariat's five present (Roberts, Morley, Skinner, Shankster, Wain) and Nigel Hart's apologies.
    assertEquals(List.of("Coventry Partnership Secretariat", "5", "1", "0", "83%"), row(page,
        "attendance-by-organisation", "Coventry Partnership Secretariat"));
    // Sara Roach and David Smithson present, Mark Taylor's apologies.
    assertEquals(List.of("Community Safety Partnership", "2", "1", "0", "67%"), row(page,
        "attendance-by-organisation", "Community Safety Partnership"));
    int present = 0;
    int apologies = 0;
    for (Element tr : page.select("[data-test=attendance-by-sector] tr[data-name]")) {
      present += Integer.parseInt(tr.child(1).text());
      apologies += Integer.parseInt(tr.child(2).text());
    }
    assertEquals(17, present, "the 17 members present, by sector");
    assertEquals(5, apologies);
    assertTrue(page.selectFirst("[data-test=quorum]").text().contains("No quorum is stated"));
    assertTrue(page.select("a[href=/bodies/leaders-and-advisors/meetings.ics]").size() == 1);
  }

  private static List<String> row(Document page, String table, String name) {
    Element tr = page.selectFirst("[data-test=" + table + "] tr[data-name=\"" + name + "\"]");
    assertTrue(tr != null, name + " in " + table + ": " + page.select("[data-test=" + table + "]").text());
    return tr.children().eachText();
  }

  @Test
  void aThemeGroupsPageCountsItsCommunityPlacesAndItsIndicators() {
    Document page = page("/bodies/community-safety-partnership");
    assertTrue(page.selectFirst("[data-test=community-places]").text().contains("of the 2 places guaranteed"),
        page.selectFirst("[data-test=community-places]").text());
    assertFalse(page.select("[data-test=judgements] a[href^=/report-cards/]").isEmpty(), "its indicators");
    assertFalse(page.select("[data-test=members] li").isEmpty());
  }

  @Test
  void theCalendarAndTheBodiesAreListedAndLinked() {
    Document calendar = page("/meetings");
    assertEquals(1, calendar.select("[data-month=2007-08] a[href=" + MEETING + "]").size(), calendar.text());
    assertEquals(1, calendar.select("[data-month=2007-04] a[href=/meetings/operations-group-2007-04-24]").size());
    Document bodies = page("/bodies");
    assertFalse(bodies.select("a[href=/bodies/community-safety-partnership]").isEmpty());
    assertFalse(bodies.select("header nav a[href=/meetings]").isEmpty(), "the site's navigation");
    Document block = page("/blocks/safer-and-stronger-communities");
    assertFalse(block.select("a[href=/bodies/community-safety-partnership]").isEmpty(), "a block links its groups");
  }

  @Test
  void aMissingBodyMeetingOrPersonIsA404Page() {
    for (String path : List.of("/bodies/no-such-body", "/meetings/no-such-meeting", "/people/no-such-person",
        "/bodies/no-such-body/meetings.ics", "/meetings/no-such-meeting/minutes.pdf")) {
      // A browser's request of a page, and any type for the calendar and the PDF.
      var response = path.contains(".") ? Http.get(base(), path) : Http.get(base(), path, "text/html");
      assertEquals(404, response.statusCode(), path + ": " + response.body());
    }
    assertTrue(Http.get(base(), "/meetings/no-such-meeting", "text/html").body().contains("no-such-meeting"));
  }
}
