package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The pages in a real browser: Debian's Chromium, headless, driven through its ChromeDriver
 * (bin/laa test installs both when missing).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest implements TestPropertyProvider {

  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LAA_CHROMIUM", "/usr/bin/chromium"));
  private static final Path DRIVER = Path.of(System.getenv().getOrDefault("LAA_CHROMEDRIVER", "/usr/bin/chromedriver"));

  @Inject
  EmbeddedServer server;
  private ChromeDriver browser;

  @Override
  public Map<String, String> getProperties() {
    var p = new java.util.HashMap<>(RunningSuite.get().gatewayProperties());
    p.put("laa.reporting.deadline", "20s");
    return p;
  }

  @BeforeAll
  void openBrowser() throws Exception {
    assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "Chromium and ChromeDriver are needed at "
        + CHROMIUM + " and " + DRIVER + " (Debian: apt-get install chromium chromium-driver; bin/laa test does it)");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + Files.createTempDirectory("laa-chromium"), "--window-size=1280,1600");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private String url(String path) {
    return server.getURI().toString().replaceAll("/$", "") + path;
  }

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
