package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laasuite.reporting.v1.DueState;
import org.laasuite.reporting.v1.PerformanceReport;
import org.laasuite.reporting.v1.Work;

/**
 * What is due and overdue, person by person and theme group by theme group, over the real services holding the
 * Coventry demo data, reckoned on 22 August 2007 (laa.work.as-of, as bin/laa sets it) with the default lag of 30 days:
 * the demo indicators are annual with targets for the financial years 2005-06 to 2008-09, so a year's figure is due
 * on 30 April after it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkTest implements TestPropertyProvider {

  @Inject
  EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return RunningSuite.get().gatewayProperties("20s");
  }

  private Document page(String path) {
    var r = Http.get(server.getURI(), path);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return Jsoup.parse(r.body());
  }

  /** Each row of an indicator's figures: "period due-date state". */
  private static List<String> figures(Document page, String code) {
    return page.select("[data-test=indicators] tr[data-indicator=" + code + "]").stream()
        .map(tr -> tr.select("td").stream().skip(tr.select("td").size() - 3).map(td -> td.text()).toList())
        .map(cells -> String.join(" ", cells)).toList();
  }

  @Test
  void aPersonsWorkIsTheIndicatorsTheyMayEnterWithWhatIsDueAndOverdue() {
    Document sara = page("/work/people/sara-roach");
    assertEquals("Sara Roach", sara.selectFirst("h1").text());
    assertEquals("2007-08-22", sara.select("[data-test=as-of]").text());
    // SSC-CSP-6 has targets for 2005-06 to 2008-09 and no figure for 2005-06, "TBA" for 2006-07.
    assertEquals(List.of("2005-06 2006-04-30 Overdue", "2006-07 2007-04-30 Overdue", "2007-08 2008-04-30 Next"),
        figures(sara, "SSC-CSP-6"));
    // SSC-CSP-1 has both years' figures in: only the next.
    assertEquals(List.of("2007-08 2008-04-30 Next"), figures(sara, "SSC-CSP-1"));
    // SSC-CSP-33's 2006-07 figure is "Data available 2007": not in yet.
    assertTrue(figures(sara, "SSC-CSP-33").contains("2006-07 2007-04-30 Overdue"), figures(sara, "SSC-CSP-33").toString());
    var unscheduled = sara.selectFirst("[data-test=indicators] tr[data-indicator=SSC-CSP-26]");
    assertTrue(unscheduled.text().endsWith("no reporting periods set"), unscheduled.text());
    assertTrue(unscheduled.text().contains("Advisor of Community Safety Partnership"), "why it is hers");
    assertTrue(sara.select("tr[data-indicator=CYP-28]").isEmpty(), "another theme group's indicator is not hers");
    String summary = sara.select("[data-test=summary]").text();
    assertTrue(summary.matches("As of 2007-08-22: [1-9][0-9]* overdue, 0 due\\..*"), summary);
  }

  @Test
  void theChairOfAGroupHoldsTheActionsTheGroupHoldsAndSeesThemOverdue() {
    // Agreed at the Operations Group on 24 April 2007 with no owner named, so held by the group; due 13 June 2007.
    String circulate = "The draft report will be circulated during May to the Operations Group for comment and "
        + "approval by 13th June.";
    Document stella = page("/work/people/stella-manzie");
    var rows = stella.select("[data-test=actions] tr[data-action]");
    var row = rows.stream().filter(tr -> tr.text().startsWith(circulate)).findFirst().orElseThrow(() ->
        new AssertionError(rows.text()));
    assertTrue(row.text().endsWith("2007-06-13 Overdue"), row.text());
    assertEquals("Overdue", rows.first().select("[data-test=action-state]").text(), "overdue first");

    Document group = page("/work/bodies/coventry-partnership-operations-group");
    assertTrue(group.select("[data-test=actions] tr[data-action]").stream().anyMatch(tr -> tr.text()
        .startsWith(circulate) && tr.text().endsWith("Overdue")), group.select("[data-test=actions]").text());
    assertTrue(group.select("[data-test=no-indicators]").text().contains("reports no indicator"));

    Document sara = page("/work/people/sara-roach");
    var hers = sara.select("[data-test=actions] tr[data-action]");
    assertFalse(hers.isEmpty(), "Sara Roach holds actions of the August meeting");
    assertTrue(hers.stream().allMatch(tr -> tr.text().endsWith("No due date")), "none has a date: " + hers.text());
    assertTrue(hers.stream().noneMatch(tr -> tr.text().startsWith(circulate)), "the group's action is not hers");
  }

  @Test
  void aThemeGroupsWorkIsItsIndicatorsFiguresAndItsActions() {
    Document group = page("/work/bodies/community-safety-partnership");
    assertEquals("Community Safety Partnership", group.selectFirst("h1").text());
    assertEquals(List.of("2005-06 2006-04-30 Overdue", "2006-07 2007-04-30 Overdue", "2007-08 2008-04-30 Next"),
        figures(group, "SSC-CSP-6"));
    assertTrue(group.select("tr[data-indicator=CYP-28]").isEmpty());
  }

  @Test
  void anUnknownPersonOrGroupIsNotFoundAndAMalformedIdIsRefused() {
    var person = Http.get(server.getURI(), "/work/people/no-such-person");
    assertEquals(404, person.statusCode(), person.body());
    assertTrue(person.body().contains("people/no-such-person does not exist"), person.body());
    assertEquals(404, Http.get(server.getURI(), "/work/bodies/no-such-body").statusCode());
    var bad = Http.get(server.getURI(), "/work/people/Not_An_Id");
    assertEquals(400, bad.statusCode(), bad.body());
  }

  @Test
  void theReviewPackHasWhatIsDueAndOverdueThemeGroupByThemeGroup() throws Exception {
    var json = Http.get(server.getURI(), "/api/v1/reports/review-pack");
    assertEquals(200, json.statusCode(), json.body());
    var pack = PerformanceReport.newBuilder();
    JsonFormat.parser().merge(json.body(), pack);
    assertEquals(2007, pack.getDueAsOf().getYear());
    assertEquals(22, pack.getDueAsOf().getDay());
    Work safety = pack.getDueWorkList().stream().filter(w -> w.getHolder().equals("bodies/community-safety-partnership"))
        .findFirst().orElseThrow(() -> new AssertionError(pack.getDueWorkList().stream().map(Work::getHolder).toList()));
    assertEquals("Community Safety Partnership", safety.getTitle());
    var csp6 = safety.getIndicatorsList().stream().filter(i -> i.getCode().equals("SSC-CSP-6")).findFirst().orElseThrow();
    assertEquals(List.of("periods/fy-2005-06", "periods/fy-2006-07"), csp6.getFiguresList().stream()
        .map(f -> f.getPeriod()).toList(), "the next year's is not in a list of what is due and overdue");
    for (Work w : pack.getDueWorkList()) {
      assertTrue(w.getDue() + w.getOverdue() > 0, w.getHolder() + " has something due or overdue");
      assertEquals(w.getDue() + w.getOverdue(), w.getIndicatorsList().stream().mapToInt(i -> i.getFiguresCount()).sum()
          + w.getActionsCount(), w.getHolder() + ": counted as listed");
      w.getIndicatorsList().forEach(i -> i.getFiguresList().forEach(f -> assertTrue(f.getState()
          == DueState.DUE_STATE_OVERDUE || f.getState() == DueState.DUE_STATE_DUE, i.getCode() + " " + f)));
      w.getActionsList().forEach(a -> assertTrue(a.getState() == DueState.DUE_STATE_OVERDUE
          || a.getState() == DueState.DUE_STATE_DUE, a.toString()));
    }
    assertTrue(pack.getDueWorkList().stream().noneMatch(w -> w.getHolder()
        .equals("bodies/coventry-partnership-operations-group")), "theme groups only: the Operations Group is none");

    Document html = page("/reports/review-pack");
    var section = html.selectFirst("[data-test=due-work]");
    assertEquals("2007-08-22", section.select("[data-test=due-as-of]").text());
    var group = section.selectFirst("[data-group=bodies/community-safety-partnership]");
    assertEquals("/work/bodies/community-safety-partnership", group.selectFirst("h3 a").attr("href"), "its work page");
    assertTrue(group.selectFirst("h3").text().startsWith("Community Safety Partnership: " + safety.getOverdue()
        + " overdue, " + safety.getDue() + " due"), group.selectFirst("h3").text());
    var row = group.selectFirst("tr[data-indicator=SSC-CSP-6][data-period=fy-2006-07]").select("td").eachText();
    assertEquals(List.of("2006-07", "2007-04-30", "Overdue"), row.subList(row.size() - 3, row.size()));

    try (PDDocument pdf = Loader.loadPDF(Http.bytes(server.getURI(), "/reports/review-pack.pdf").body())) {
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(text.contains("Due and overdue"), "the section is printed too");
      assertTrue(text.contains("Community Safety Partnership: " + safety.getOverdue() + " overdue"), text);
    }

    var quarterly = PerformanceReport.newBuilder();
    JsonFormat.parser().merge(Http.get(server.getURI(), "/api/v1/reports/quarterly").body(), quarterly);
    assertEquals(0, quarterly.getDueWorkCount(), "only the review pack has it");
  }

  /** With the indicators service unreachable, a person's page still shows their actions, the figures unavailable. */
  @Test
  void whenTheIndicatorsServiceCannotBeReachedAPersonsActionsAreStillShown() throws Exception {
    Map<String, Object> p = new HashMap<>(RunningSuite.get().gatewayProperties("20s"));
    try (ServerSocket closed = new ServerSocket(0)) {
      p.put("laa.services.indicators", "127.0.0.1:" + closed.getLocalPort());
    }
    try (EmbeddedServer gateway = ApplicationContext.run(EmbeddedServer.class, p)) {
      var r = Http.get(gateway.getURI(), "/work/people/stella-manzie");
      assertEquals(200, r.statusCode(), r.body());
      Document page = Jsoup.parse(r.body());
      assertEquals(List.of("PERFORMANCE"), page.select("[data-test=unavailable] li").eachAttr("data-section"),
          "told once, though two calls failed");
      assertTrue(page.select("[data-test=actions] [data-test=action-state]").eachText().contains("Overdue"));
    }
  }
}
