package org.laasuite.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The upload page in a real browser ({@link InChromium}): Nigel Hart, of the secretariat, who may import, finds it
 * from /me, chooses a Simple View CSV file with a bad row and sees the dry run name its row and column; chooses a good
 * file, sees no problems, imports it and sees the result; the same with an Excel workbook, its problem named by sheet,
 * row and column. David Smithson, who may not, is refused.
 */
@MicronautTest(transactional = false)
class UploadBrowserTest extends InChromium {

  private static final List<String> CODES = List.of("UPL-B-1", "UPL-B-2", "UPL-X-1", "UPL-X-2");

  @AfterAll
  void archive() {
    SimpleViewFiles.archive(CODES);
  }

  /** Chooses {@code file} on the upload page and sends it; the page it leads to shows {@code shown}. */
  private void check(Path file, String shown) {
    browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("[data-test=check]")).click();
    await(shown);
  }

  @Test
  void anImporterChecksABadFileThenImportsAGoodOneAndSeesTheResult() throws Exception {
    Path dir = Files.createTempDirectory("laa-upload");
    Path bad = Files.write(dir.resolve("simple-view-bad.csv"), SimpleViewFiles.file(
        SimpleViewFiles.row(2, "UPL-B-1", "HIGHER_IS_BETTER"), SimpleViewFiles.row(3, "UPL-B-2", "SIDEWAYS")));
    Path good = Files.write(dir.resolve("simple-view.csv"), SimpleViewFiles.file(
        SimpleViewFiles.row(2, "UPL-B-1", "HIGHER_IS_BETTER"), SimpleViewFiles.row(3, "UPL-B-2", "LOWER_IS_BETTER")));

    signInAs(EntryPagesTest.NIGEL);
    browser.get(url("/me"));
    browser.findElement(By.cssSelector("[data-test=import-link] a")).click();
    await("[data-test=choose]");
    checkTheBadThenImportTheGood(bad, "—", "polarity", good);
    assertTrue(browser.getCurrentUrl().matches(".*/import/[0-9a-f-]{36}"), browser.getCurrentUrl());

    browser.get(url("/report-cards/UPL-B-2"));
    assertTrue(text("h1").startsWith("UPL-B-2"), "imported, and public: " + text("h1"));
  }

  @Test
  void anImporterImportsAWorkbookAfterItsDryRunNamesTheSheetRowAndColumn() throws Exception {
    Path dir = Files.createTempDirectory("laa-upload");
    Path bad = Files.write(dir.resolve("simple-view-bad.xlsx"), SimpleViewFiles.workbook("Safer Stronger",
        SimpleViewFiles.row(2, "UPL-X-1", "HIGHER_IS_BETTER"), SimpleViewFiles.row(3, "UPL-X-2", "SIDEWAYS")));
    Path good = Files.write(dir.resolve("simple-view.xlsx"), SimpleViewFiles.workbook("Safer Stronger",
        SimpleViewFiles.row(2, "UPL-X-1", "HIGHER_IS_BETTER"), SimpleViewFiles.row(3, "UPL-X-2", "LOWER_IS_BETTER")));

    signInAs(EntryPagesTest.NIGEL);
    browser.get(url("/import"));
    await("[data-test=choose]");
    checkTheBadThenImportTheGood(bad, "Safer Stronger", "K (polarity)", good);

    browser.get(url("/report-cards/UPL-X-2"));
    assertTrue(text("h1").startsWith("UPL-X-2"), "imported from the workbook: " + text("h1"));
  }

  /**
   * On the upload page: {@code bad} checked, its one problem (row 3's polarity, SIDEWAYS) shown in {@code sheet} and
   * {@code column} with nothing to import; then {@code good} checked, no problems, imported, and the result shown.
   */
  private void checkTheBadThenImportTheGood(Path bad, String sheet, String column, Path good) {
    check(bad, "[data-test=problems]");
    assertEquals(bad.getFileName().toString(), text("[data-test=file]"));
    assertEquals("1 problem", text("[data-test=problems-found] h2"));
    assertEquals(sheet, text("[data-test=problem] [data-test=sheet]"));
    assertEquals("3", text("[data-test=problem] [data-test=row]"));
    assertEquals(column, text("[data-test=problem] [data-test=column]"));
    assertTrue(text("[data-test=problem] [data-test=description]").contains("SIDEWAYS"),
        text("[data-test=problem] [data-test=description]"));
    assertTrue(browser.findElements(By.cssSelector("[data-test=import]")).isEmpty(), "nothing to import yet");

    browser.findElement(By.cssSelector("[data-test=another]")).click();
    await("[data-test=choose]");
    check(good, "[data-test=no-problems]");
    assertEquals("2 indicators, 0 baselines, 2 targets, 2 outturns and 2 judgements would be written.",
        text("[data-test=no-problems] p"));
    browser.findElement(By.cssSelector("[data-test=import]")).click();
    // The progress page, then (its script asking how far the import has got) the result.
    await("[data-test=result]");
    assertEquals("Imported", text("[data-test=result] h2"));
    assertTrue(text("[data-test=result] p").startsWith("2 indicators, 0 baselines, 2 targets, 2 outturns and 2 "
        + "judgements"), text("[data-test=result] p"));
  }

  @Test
  void aVisitorWithoutTheRightIsRefused() {
    signInAs(EntryPagesTest.DAVID);
    browser.get(url("/me"));
    assertTrue(browser.findElements(By.cssSelector("[data-test=import-link]")).isEmpty());
    browser.get(url("/import"));
    assertEquals("403 Forbidden", text("h1"));
    assertTrue(text("[data-test=detail]").contains("people/david-smithson may not import the Simple View"),
        text("[data-test=detail]"));
    assertTrue(browser.findElements(By.id("file")).isEmpty());
  }
}
