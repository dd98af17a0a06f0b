package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A quarter's figure from entry to the public in a real browser ({@link InChromium}), as the demo partnership's
 * people do it: David Smithson enters and submits it, Mark Taylor approves it, Nigel Hart publishes the quarter;
 * once with the mouse, once with the keyboard alone, once on a phone's width. Each test has an indicator and a
 * quarter of its own (OwnIndicator).
 */
@MicronautTest(transactional = false)
class EntryBrowserTest extends InChromium {

  private OwnIndicator cycle;
  private OwnIndicator keys;
  private OwnIndicator phone;

  @BeforeAll
  void ownIndicators() {
    cycle = new OwnIndicator("WEB-B-CYCLE", "Domestic violence repeat referrals addressed", "%", "2012-13-q1");
    keys = new OwnIndicator("WEB-B-KEYS", "Young people diverted from offending", "%", "2012-13-q2");
    phone = new OwnIndicator("WEB-B-PHONE", "Anti-social behaviour cases resolved", "%", "2012-13-q3");
  }

  @AfterAll
  void archive() {
    for (OwnIndicator i : List.of(cycle, keys, phone)) {
      i.close();
    }
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  /** The page {@code path} once it has loaded, as whoever is signed in. */
  private void open(String path) {
    browser.get(url(path));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
  }

  private void signOut() {
    browser.get(url("/"));
    browser.manage().deleteAllCookies();
  }

  /** Signs in as the demo person {@code person} with the sign-in page's button, after signing out whoever was. */
  @Override
  void signInAs(String person) {
    signOut();
    browser.get(url("/sign-in"));
    browser.findElement(By.cssSelector("[data-person='" + person + "']")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=signed-in]")));
  }

  private List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  /** Clicks what {@code css} names and waits for the page it leads to, which shows {@code shown}. */
  private void clickAndWait(String css, String shown) {
    WebElement clicked = browser.findElement(By.cssSelector(css));
    clicked.click();
    // Gone with the page it was on: Chromium says so as a stale element, or as a node of no document.
    waiting().until(d -> {
      try {
        clicked.isEnabled();
        return false;
      } catch (WebDriverException gone) {
        return true;
      }
    });
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(shown)));
  }

  @Test
  void aQuartersFigureIsEnteredCheckedSubmittedApprovedAndPublishedAndEveryStepNamesItsPerson() {
    String quarter = "2012-13-q1";
    signInAs(EntryPagesTest.DAVID);
    open("/my-work?period=fy-" + quarter);
    clickAndWait("[data-indicator=" + cycle.code + "] [data-test=entry-link]", "#city-figure");
    browser.findElement(By.id("city-figure")).sendKeys("64");
    browser.findElement(By.id("achieved")).sendKeys("Referral panels met every month");
    clickAndWait("[data-test=check]", "[data-test=checked]");
    assertEquals("Red", text("[data-test=checked] [data-test=computed]"));
    assertTrue(text("[data-test=checked] [data-test=explanation]").contains("85"),
        text("[data-test=checked] [data-test=explanation]"));
    assertEquals("64", browser.findElement(By.id("city-figure")).getDomProperty("value"), "the form kept it");
    clickAndWait("[data-test=submit]", "[data-test=notice]");
    assertEquals("Submitted", text("[data-test=state]"));
    assertEquals("awaiting approval by the Community Safety Partnership", text("[data-test=mark]"));

    signOut();
    open("/report-cards/" + cycle.code);
    assertFalse(texts("[data-test=outturn]").contains("64"), "not public until published");

    signInAs(EntryPagesTest.MARK);
    open(cycle.entryPage(quarter));
    clickAndWait("[data-test=approve]", "[data-test=notice]");
    assertEquals("Approved", text("[data-test=state]"));

    signInAs(EntryPagesTest.NIGEL);
    open("/my-work");
    clickAndWait("[data-test=to-publish] [data-period=fy-" + quarter + "] [data-test=publish-period]",
        "[data-test=edition-link]");
    assertTrue(text("[data-test=notice]").contains("published"), text("[data-test=notice]"));
    clickAndWait("[data-test=edition-link]", "[data-test=edition]");
    assertTrue(text("[data-test=edition]").contains("by Nigel Hart"), text("[data-test=edition]"));
    assertEquals("Q1 2012-13 (April to June 2012)", text("[data-test=report-period]"));
    assertFalse(browser.findElements(By.linkText(cycle.code)).isEmpty(), "the edition shows it, a red");

    signOut();
    open("/report-cards/" + cycle.code);
    assertTrue(texts("[data-test=outturn]").contains("64"), texts("[data-test=outturn]").toString());
    clickAndWait("[data-test=history-link]", "[data-test=returns]");
    assertEquals(List.of("Entered by David Smithson", "Submitted for approval by David Smithson",
        "Approved by Mark Taylor", "Published by Nigel Hart"), browser.findElements(By.cssSelector(
        "[data-period=fy-" + quarter + "] [data-test=step]")).stream().map(s -> s.findElement(By.tagName("strong"))
        .getText() + " " + s.findElement(By.cssSelector("[data-test=by]")).getText()).toList());
  }

  /** The element that has the keyboard's focus. */
  private WebElement focused() {
    return browser.switchTo().activeElement();
  }

  private static String name(WebElement e) {
    String id = e.getAttribute("id");
    return id == null || id.isEmpty() ? e.getAttribute("data-test") + "" : id;
  }

  /** Presses TAB until {@code reached} holds of the focused element (at most {@code most} times); answers it. */
  private WebElement tabTo(Predicate<WebElement> reached, int most) {
    for (int i = 0; i < most; i++) {
      focused().sendKeys(Keys.TAB);
      if (reached.test(focused())) {
        return focused();
      }
    }
    throw new AssertionError("TAB never reached it; the focus is on " + name(focused()));
  }

  @Test
  void aReturnIsEnteredWithTheKeyboardAloneInALogicalOrderWithTheFocusInSight() {
    String quarter = "2012-13-q2";
    signOut();
    browser.get(url("/sign-in"));
    tabTo(e -> "people/david-smithson".equals(e.getAttribute("data-person")), 300).sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=signed-in]")));

    browser.get(url(keys.entryPage(quarter)));
    WebElement figure = tabTo(e -> "city-figure".equals(e.getAttribute("id")), 60);
    assertNotEquals("none", figure.getCssValue("outline-style"), "the focus is seen");
    assertNotEquals("0px", figure.getCssValue("outline-width"));
    // Every input in the order a person fills the return in, then the buttons.
    List<String> order = new ArrayList<>();
    Map<String, String> typed = Map.of("city-figure", "62", "achieved", "Two new diversion schemes",
        "next-steps", "Extend the schemes to the priority neighbourhoods");
    for (int i = 0; i < 17; i++) {
      WebElement at = focused();
      order.add(name(at));
      if (typed.containsKey(name(at))) {
        at.sendKeys(typed.get(name(at)));
      }
      at.sendKeys(Keys.TAB);
    }
    assertEquals(List.of("city-figure", "city-status", "city-data-period", "city-note",
        "priority-neighbourhoods-figure", "priority-neighbourhoods-status", "priority-neighbourhoods-data-period",
        "priority-neighbourhoods-note", "rest-of-city-figure", "rest-of-city-status", "rest-of-city-data-period",
        "rest-of-city-note", "achieved", "next-steps", "check", "save", "submit"), order);

    // Checked with ENTER on its button: the rule's judgement, and what was typed kept.
    WebElement check = tabTo(e -> "check".equals(e.getAttribute("data-test")), 40);
    check.sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=checked]")));
    assertEquals("Red", text("[data-test=checked] [data-test=computed]"));
    assertEquals("62", browser.findElement(By.id("city-figure")).getDomProperty("value"));

    WebElement submit = tabTo(e -> "submit".equals(e.getAttribute("data-test")), 80);
    assertNotEquals("none", submit.getCssValue("outline-style"), "a button's focus is seen too");
    submit.sendKeys(Keys.ENTER);
    waiting().until(ExpectedConditions.textToBe(By.cssSelector("[data-test=state]"), "Submitted"));
    assertEquals("awaiting approval by the Community Safety Partnership", text("[data-test=mark]"));
  }

  /** Whether the page can be scrolled sideways: wider than the window. */
  private boolean scrollsSideways() {
    return (Boolean) browser.executeScript(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
  }

  @Test
  void onAPhonesWidthThePagesFitInOneColumnWithoutScrollingSideways() {
    String quarter = "2012-13-q3";
    signInAs(EntryPagesTest.DAVID);
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 375, "height", 800,
        "deviceScaleFactor", 2, "mobile", true));
    try {
      for (String page : List.of("/my-work", phone.entryPage(quarter),
          "/theme-groups/community-safety-partnership/entries/fy-" + quarter, "/report-cards/" + phone.code,
          "/indicators/" + phone.code + "/history")) {
        open(page);
        assertEquals(375L, browser.executeScript("return window.innerWidth;"), page);
        assertFalse(scrollsSideways(), page + " scrolls sideways at 375px");
      }
      open(phone.entryPage(quarter));
      WebElement figure = browser.findElement(By.id("city-figure"));
      WebElement status = browser.findElement(By.id("city-status"));
      assertEquals(figure.getLocation().getX(), status.getLocation().getX(), "one column: one above the other");
      assertTrue(status.getLocation().getY() > figure.getLocation().getY());
      figure.sendKeys("71");
      clickAndWait("[data-test=submit]", "[data-test=notice]");
      assertEquals("Submitted", text("[data-test=state]"));
      assertFalse(scrollsSideways(), "the page it leads to neither");
    } finally {
      browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }
}
