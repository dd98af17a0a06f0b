package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The pages in a real browser ({@link InChromium}). */
@MicronautTest(transactional = false)
class BrowserTest extends InChromium {

  @Test
  void theDashboardShowsFourBlocksWhoseCountsAddUpToTheIndicatorsLoaded() {
    browser.get(url("/"));
    List<WebElement> blocks = browser.findElements(By.cssSelector("section[data-block]"));
    assertEquals(4, blocks.size());
    int sum = blocks.stream().mapToInt(b -> Integer.parseInt(b.findElement(By.cssSelector("[data-test=count]"))
        .getText())).sum();
    assertEquals(155, sum);
    assertEquals("155", browser.findElement(By.cssSelector("[data-test=total] strong")).getText());
    assertTrue(browser.findElements(By.cssSelector("[data-test=unavailable]")).isEmpty());

    WebElement firstRed = blocks.getFirst().findElement(By.cssSelector("[data-test=exceptions] a.red"));
    String code = firstRed.getText();
    firstRed.click();
    assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith(code + ":"), "the dashboard links to cards");
    assertEquals("Red", browser.findElement(By.cssSelector("[data-test=computed]")).getText());

    browser.get(url("/"));
    browser.findElements(By.cssSelector("section[data-block]")).getFirst().findElement(By.tagName("a")).click();
    assertEquals("Children and Young People", browser.findElement(By.tagName("h1")).getText());
    browser.findElement(By.linkText("CYP-28")).click();
    assertTrue(browser.getCurrentUrl().endsWith("/report-cards/CYP-28"), browser.getCurrentUrl());
  }

  @Test
  void theNeetReportCardShowsItsChartJudgementFiguresAndNarrative() {
    browser.get(url("/report-cards/CYP-28"));
    assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("CYP-28"));
    WebElement chart = browser.findElement(By.cssSelector("[data-test=chart] svg"));
    assertTrue(chart.getSize().getWidth() > 300 && chart.getSize().getHeight() > 150, "the chart is drawn");
    assertEquals("Red", browser.findElement(By.cssSelector("[data-test=computed]")).getText());
    assertEquals("rgba(179, 38, 30, 1)", browser.findElement(By.cssSelector("[data-test=computed]"))
        .getCssValue("background-color"), "shown red");
    List<String> targets = browser.findElements(By.cssSelector("[data-test=target]")).stream()
        .map(WebElement::getText).toList();
    assertEquals(List.of("8.8", "8.1", "7.4"), targets);
    List<String> outturns = browser.findElements(By.cssSelector("[data-test=outturn]")).stream()
        .map(WebElement::getText).toList();
    assertTrue(outturns.containsAll(List.of("8.6", "9.70")), outturns.toString());
    String narrative = browser.findElement(By.cssSelector("[data-test=narrative]")).getText();
    assertTrue(narrative.contains("What we've achieved") && narrative.contains("What next")
        && narrative.contains("A key priority for the group is the NEETS"), narrative);
    assertFalse(browser.findElement(By.cssSelector("[data-test=theme-group]")).getText().isBlank());
  }
}
