package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What only a suite holding performance, money and governance together can show, in a real browser
 * ({@link InChromium}) on the demo data, followed from the dashboard's links as a board member would: the money behind
 * the red (the Alcohol Services coordinator behind the red SSC-CSP-17, on the page and on its card), exit planning
 * (the Secretariat's NRF posts ranked), where people and the rule differ, the LPSA reward forecast, England's figure
 * against the gap in claimants (on the comparators page and the card), and whether the street cleanliness action
 * turned its curve (on the card and the meeting's page, with the caveat). Reads only.
 */
@MicronautTest(transactional = false)
class WhatNoOtherToolShowsBrowserTest extends InChromium {

  private void follow(String css) {
    browser.get(url("/"));
    await(css).click();
  }

  @Test
  void theMoneyBehindTheRedFromTheDashboardToTheCard() {
    follow("a[data-test=money-behind-link]");
    WebElement red = await("[data-test=behind][data-code=SSC-CSP-17]");
    assertTrue(red.getText().contains("Coordinator/Commissioner for Alcohol Services"), red.getText());
    assertTrue(red.findElement(By.cssSelector("[data-test=last-discussed]")).getText().startsWith("No meeting")
        || red.findElement(By.cssSelector("[data-test=last-discussed]")).getText().startsWith("Last discussed"));
    WebElement block = red.findElement(By.xpath(".."));
    assertFalse(block.findElements(By.cssSelector("[data-test=stream]")).isEmpty(), "the block's streams");
    assertTrue(text("h1").startsWith("The money behind the red"));

    red.findElement(By.linkText("SSC-CSP-17")).click();
    await("[data-test=block-money]");
    assertTrue(text("[data-test=block-money]").startsWith("Behind it and its block's other indicators:"),
        text("[data-test=block-money]"));
    assertTrue(browser.findElements(By.cssSelector("[data-test=funding] [data-test=commitment]")).stream()
        .anyMatch(e -> e.getText().startsWith("Coordinator/Commissioner for Alcohol Services")));
  }

  @Test
  void exitPlanningRanksWhatToMainstreamFirst() {
    follow("a[data-test=exit-planning-link]");
    await("[data-test=count]");
    List<WebElement> candidates = browser.findElements(By.cssSelector("[data-test=candidate]"));
    assertEquals(text("[data-test=count]"), String.valueOf(candidates.size()));
    assertEquals("1", candidates.getFirst().getAttribute("data-rank"));
  }

  @Test
  void whereThePeopleAndTheRuleDiffer() {
    follow("a[data-test=disagreements-link]");
    await("[data-test=count]");
    int count = Integer.parseInt(text("[data-test=count]"));
    assertTrue(count > 0, "the demo's recorded judgements differ from the rule's in places");
    assertEquals(count, browser.findElements(By.cssSelector("[data-test=disagreement]")).size());
    WebElement first = browser.findElements(By.cssSelector("[data-test=disagreement]")).getFirst();
    assertTrue(first.findElement(By.cssSelector("[data-test=computed]")).getText().startsWith("The rule computes"));
    assertTrue(first.findElement(By.cssSelector("[data-test=recorded]")).getText().startsWith("Recorded"));
  }

  @Test
  void theLpsaRewardForecast() {
    follow("a[data-test=lpsa-link]");
    await("[data-test=total]");
    assertTrue(text("h1").contains("LPSA"), text("h1"));
    assertFalse(browser.findElements(By.cssSelector("[data-test=target]")).isEmpty(), "the stretch targets");
  }

  @Test
  void theLocalFigureAgainstItsComparatorsFromThePageToTheCard() {
    follow("a[data-test=comparators-link]");
    WebElement gap = await("[data-test=indicator][data-code=EDE-JE-6]");
    WebElement england = gap.findElement(By.cssSelector("[data-test=comparator]"));
    assertEquals("England", england.findElement(By.cssSelector("[data-test=group]")).getText());
    assertEquals("17.12 (England)", england.findElement(By.cssSelector("[data-test=range]")).getText());
    assertEquals("not computed", england.findElement(By.cssSelector("[data-test=quartile]")).getText(),
        "one figure is no quartile");
    gap.findElement(By.linkText("EDE-JE-6")).click();
    WebElement onCard = await("[data-test=comparators] [data-test=comparator]");
    assertEquals("England", onCard.findElement(By.cssSelector("[data-test=group]")).getText());
  }

  @Test
  void didTheStreetCleanlinessActionTurnTheCurve() {
    browser.get(url("/report-cards/SSC-ENV-14"));
    assertTrue(text("[data-test=curve]").startsWith("— the curve:"), text("[data-test=curve]"));
    assertTrue(text("[data-test=caveat]").endsWith("An association in time, not a cause: other things changed too."));
    browser.get(url("/meetings/operations-group-2007-04-24"));
    WebElement street = browser.findElements(By.xpath("//tr[td/span[starts-with(., 'Helen to present outcome on "
        + "street cleanliness')]]")).getFirst();
    assertTrue(street.findElement(By.cssSelector("[data-test=curve]")).getText().contains("SSC-ENV-14:"),
        street.getText());
    assertTrue(text("[data-test=caveat]").contains("not a cause"));
  }
}
