package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Tests of the gateway's pages in a real browser: Debian's Chromium, headless, driven through its ChromeDriver
 * (bin/laa test installs both when missing; LAA_CHROMIUM and LAA_CHROMEDRIVER name others), one for the class, with
 * a profile of its own, reading the gateway the test started over the running services.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InChromium implements TestPropertyProvider {

  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LAA_CHROMIUM", "/usr/bin/chromium"));
  private static final Path DRIVER = Path.of(System.getenv().getOrDefault("LAA_CHROMEDRIVER", "/usr/bin/chromedriver"));

  @Inject
  EmbeddedServer server;
  ChromeDriver browser;

  @Override
  public Map<String, String> getProperties() {
    return RunningSuite.get().gatewayProperties("20s");
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

  String url(String path) {
    return server.getURI().toString().replaceAll("/$", "") + path;
  }

  /**
   * The element {@code css} names once the page shows it: after a click that sends a form, the pages it leads to
   * (redirects included) load after the click returns. ChromeDriver waits for it itself (its implicit wait, at most
   * 60 s), so a test needs no waiting of its own; the wait is off again afterwards, so that a test can see at once
   * that an element is absent.
   */
  WebElement await(String css) {
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(60));
    try {
      return browser.findElement(By.cssSelector(css));
    } finally {
      browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }
  }

  /** Signs in as the demo person {@code person} ("people/nigel-hart") with the sign-in page's button, anew. */
  void signInAs(String person) {
    browser.get(url("/"));
    browser.manage().deleteAllCookies();
    browser.get(url("/sign-in"));
    browser.findElement(By.cssSelector("[data-person='" + person + "']")).click();
    await("[data-test=signed-in]");
  }

  /** The text of the element {@code css} names on the page shown. */
  String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }
}
