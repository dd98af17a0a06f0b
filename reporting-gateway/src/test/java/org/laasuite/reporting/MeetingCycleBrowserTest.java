package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.laasuite.indicators.v1.IndicatorReport;
import org.laasuite.indicators.v1.IndicatorServiceGrpc;
import org.laasuite.indicators.v1.ListIndicatorReportsRequest;
import org.laasuite.indicators.v1.Rating;
import org.laasuite.partnership.v1.Action;
import org.laasuite.partnership.v1.ActionStatus;
import org.laasuite.partnership.v1.ListActionsRequest;
import org.laasuite.partnership.v1.PartnershipServiceGrpc;
import org.laasuite.testkit.TestIssuer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The meeting cycle in a real browser ({@link InChromium}), on the demo data: Nigel Hart, of the secretariat, schedules
 * the Leaders and Advisors Group's next meeting after 22 August 2007; its agenda, drafted from the data, lists the open
 * actions of that meeting and the reds of the agreement the group oversees; he publishes it; in the room he records
 * attendance, minutes, a decision and an action (an action without an owner is refused beside its input), corrects
 * the minutes (kept as a revision); then schedules the meeting after, whose agenda carries the new action and the
 * minutes to agree, and there agrees them as a true and accurate record. David Smithson, who may not manage meetings,
 * is offered no form and refused one.
 *
 * <p>It adds meetings to the demo's Leaders and Advisors Group, whose governance health other classes read as the demo
 * has it: it runs after every other class of the gateway's tests ({@code @Order}, junit-platform.properties).
 */
@MicronautTest(transactional = false)
@Order(Integer.MAX_VALUE)
class MeetingCycleBrowserTest extends InChromium {

  private static final String BODY = "bodies/leaders-and-advisors";
  private static final String NEXT = "/meetings/leaders-and-advisors-2007-10-24";
  private static final String AFTER = "/meetings/leaders-and-advisors-2007-12-12";

  private List<Action> openActions;
  private IndicatorReport red;

  @BeforeAll
  void readTheDemo() {
    var partnership = RunningSuite.get().partnership.channel();
    var indicators = RunningSuite.get().indicators.channel();
    try {
      openActions = PartnershipServiceGrpc.newBlockingStub(partnership).withCallCredentials(TestIssuer.as(
          TestIssuer.ADMIN)).listActions(ListActionsRequest.newBuilder().setBody(BODY)
          .setStatus(ActionStatus.ACTION_STATUS_OPEN).setPageSize(500).build()).getActionsList();
      red = IndicatorServiceGrpc.newBlockingStub(indicators).withCallCredentials(TestIssuer.as(TestIssuer.ADMIN))
          .listIndicatorReports(ListIndicatorReportsRequest.newBuilder().setPageSize(500).build()).getReportsList()
          .stream().filter(r -> r.getComputedJudgement().getRating() == Rating.RATING_RED).findFirst().orElseThrow();
    } finally {
      partnership.shutdownNow();
      indicators.shutdownNow();
    }
    assertFalse(openActions.isEmpty(), "the 22 August 2007 meeting left actions open");
  }

  private WebElement byName(String name) {
    return browser.findElement(By.name(name));
  }

  private void type(String name, String value) {
    WebElement e = byName(name);
    e.clear();
    e.sendKeys(value);
  }

  /** The agenda form's item titles, in order. */
  private List<String> titles() {
    return browser.findElements(By.cssSelector("[data-test=agenda-form] input[name$='.title']")).stream()
        .map(e -> e.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
  }

  /** What the agenda form prints under the item titled {@code title}. */
  private String under(String title) {
    List<String> all = titles();
    int i = all.indexOf(title);
    assertTrue(i >= 0, title + " in " + all);
    return byName("items[" + i + "].description").getAttribute("value");
  }

  private void schedule(String date) {
    browser.get(url("/" + BODY));
    browser.findElement(By.cssSelector("[data-test=schedule]")).click();
    await("[data-test=schedule-form]");
    // A date input shows the date in the browser's locale; its value is the ISO date whatever the locale.
    browser.executeScript("arguments[0].value = arguments[1]", byName("date"), date);
    byName("place").sendKeys("Council House");
    browser.findElement(By.cssSelector("[data-test=schedule]")).click();
    await("[data-test=agenda-form]");
  }

  @Test
  void theSecretariatRunsAMeetingFromSchedulingToApprovedMinutes() {
    signInAs(EntryPagesTest.NIGEL);
    schedule("2007-10-24");
    assertTrue(browser.getCurrentUrl().endsWith(NEXT + "/agenda?done=scheduled"), browser.getCurrentUrl());
    assertTrue(text("[data-test=notice]").startsWith("Scheduled"));
    assertEquals("Apologies for absence", titles().get(0));
    assertTrue(titles().contains("Minutes of the last meeting"), titles().toString());
    assertTrue(under("Minutes of the last meeting").contains("22 August 2007"));
    String arising = under("Matters arising");
    for (Action a : openActions) {
      assertTrue(arising.contains(a.getText().strip()), a.getText() + " in " + arising);
    }
    assertTrue(under("Performance: reds and ambers").contains(red.getIndicator().getId() + " "
        + red.getIndicator().getTitle() + ": Red"), under("Performance: reds and ambers"));

    browser.findElement(By.cssSelector("[data-test=publish]")).click();
    await("[data-test=secretariat]"); // the meeting's page: the agenda's page has a notice too
    assertTrue(browser.getCurrentUrl().endsWith(NEXT + "?done=published"), browser.getCurrentUrl());
    assertEquals("The agenda is published.", text("[data-test=notice]"));
    assertTrue(text("[data-test=agenda]").contains(red.getIndicator().getId()), "the published agenda lists it");

    // In the room: attendance, minutes, a decision and an action, first without its owner.
    browser.findElement(By.cssSelector("[data-test=record]")).click();
    await("[data-test=record-form]");
    new Select(byName("attendance[0].status")).selectByValue("present");
    new Select(byName("attendance[1].status")).selectByValue("apologies");
    int performance = titles("[data-test=record-form] fieldset.item legend").indexOf("Performance: reds and ambers");
    assertTrue(performance >= 0);
    type("items[" + performance + "].minutes", "The group considered the exceptions report.");
    type("items[" + performance + "].decisions", "To ask each theme group to report its recovery plan.");
    type("items[" + performance + "].decision-indicators", red.getIndicator().getId());
    String row = "actions[0].";
    new Select(byName(row + "item")).selectByValue(Integer.toString(performance + 1));
    type(row + "text", "Circulate the exceptions report to the theme groups");
    type(row + "due", "2007-11-30");
    type(row + "indicators", red.getIndicator().getId());
    type(row + "commitments", "partnership-support-officers");
    browser.findElement(By.cssSelector("[data-test=save-minutes]")).click();
    WebElement problem = await("[data-error-for='actions[0].owner']");
    assertFalse(problem.getText().isEmpty(), "the owner is needed");
    assertEquals("Circulate the exceptions report to the theme groups", byName(row + "text").getAttribute("value"),
        "what was typed is kept");
    new Select(byName(row + "owner")).selectByValue("people/nigel-hart");
    browser.findElement(By.cssSelector("[data-test=save-minutes]")).click();
    await("[data-test=notice]");
    assertTrue(browser.getCurrentUrl().endsWith(NEXT + "?done=recorded"), browser.getCurrentUrl());
    assertTrue(text("[data-test=minutes-approval]").startsWith("Draft minutes"));
    assertTrue(text("[data-test=agenda]").contains("The group considered the exceptions report."));
    assertTrue(text("[data-test=decisions]").contains("To ask each theme group to report its recovery plan."));
    assertEquals(1, browser.findElements(By.cssSelector("[data-test=decision-links] a[href='/report-cards/"
        + red.getIndicator().getId() + "']")).size(), "the decision links the indicator it concerns");
    assertTrue(text("[data-test=actions]").contains("Circulate the exceptions report to the theme groups"));
    assertEquals(1, browser.findElements(By.cssSelector("[data-test=actions] a[href='/commitments/"
        + "partnership-support-officers']")).size(), "the action links the commitment it concerns");
    // Did it turn the curve? The demo has no figure after October 2007 to say, and the page says so, with the caveat.
    assertTrue(text("[data-test=curve]").startsWith(red.getIndicator().getId() + ": "), text("[data-test=curve]"));
    assertTrue(text("[data-test=curve]").endsWith("no figure since to compare"), text("[data-test=curve]"));
    assertTrue(text("[data-test=caveat]").contains("not a cause"));
    assertEquals(1, browser.findElements(By.cssSelector("[data-group=present] [data-test=attendee]")).size());
    assertEquals(1, browser.findElements(By.cssSelector("[data-group=apologies] [data-test=attendee]")).size());

    // A correction before approval is a revision.
    browser.findElement(By.cssSelector("[data-test=record]")).click();
    await("[data-test=record-form]");
    type("items[" + performance + "].minutes", "The group considered the exceptions report and the recovery plans.");
    browser.findElement(By.cssSelector("[data-test=save-minutes]")).click();
    await("[data-test=notice]");
    assertTrue(text("[data-test=minutes-approval]").contains("1 earlier version(s) kept"),
        text("[data-test=minutes-approval]"));

    // The next meeting carries the action and agrees the minutes.
    schedule("2007-12-12");
    assertTrue(under("Minutes of the last meeting").contains("24 October 2007"));
    assertTrue(under("Matters arising").contains("Circulate the exceptions report to the theme groups — Nigel Hart "
        + "(agreed 24 October 2007; due 30 November 2007)"), under("Matters arising"));
    browser.findElement(By.cssSelector("[data-test=publish]")).click();
    await("[data-test=secretariat]"); // the meeting's page: the agenda's page has a notice too
    assertTrue(browser.getCurrentUrl().endsWith(AFTER + "?done=published"), browser.getCurrentUrl());
    browser.findElement(By.cssSelector("[data-test=approve-minutes]")).click();
    await("[data-test=minutes-approval]");
    assertTrue(browser.getCurrentUrl().endsWith(NEXT + "?done=approved"), browser.getCurrentUrl());
    assertEquals("Agreed as a true and accurate record at the meeting of 2007-12-12.",
        text("[data-test=minutes-approval]"));
    assertTrue(browser.findElements(By.cssSelector("[data-test=record]")).isEmpty(), "approved minutes do not change");
  }

  private List<String> titles(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(e -> e.getText().replaceFirst("^\\d+\\. ", ""))
        .toList();
  }

  @Test
  void someoneWithoutTheRightIsOfferedNoFormAndRefusedOne() {
    signInAs(EntryPagesTest.DAVID);
    browser.get(url("/" + BODY));
    await("[data-test=meetings]");
    assertTrue(browser.findElements(By.cssSelector("[data-test=schedule]")).isEmpty());
    browser.get(url("/meetings/leaders-and-advisors-2007-08-22"));
    assertTrue(browser.findElements(By.cssSelector("[data-test=secretariat]")).isEmpty());
    browser.get(url("/" + BODY + "/meetings/new"));
    assertEquals("403 Forbidden", text("h1"));
    assertTrue(text("[data-test=detail]").contains("people/david-smithson may not manage meetings"),
        text("[data-test=detail]"));
  }
}
